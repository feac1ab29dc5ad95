// Purpose's safe expression language (filters, derived and computed fields): a hand-written lexer
// and parser, a type checker that uses the schema when one is given, and a compiler to a tree of
// closures run once per row. No eval, no Function, and no property lookup keyed by user text reaches
// a JS object: fields are read through `get(index)` (evaluateRow: own properties only) and functions
// live in a Map. The language is documented in EXPRESSIONS.md.
import { InvalidInputError } from '../errors.ts';
import { fieldIndex, type FieldType, type RecordBatch, type Schema, type Value } from '../integration/table.ts';

/** A static result type: a field type, `'null'` (always null) or `'any'` (not knowable without a schema). */
export type StaticType = FieldType | 'null' | 'any';

export type ExpressionErrorReason =
  | 'syntax'
  | 'unknown-field'
  | 'unknown-function'
  | 'arity'
  | 'type'
  | 'division-by-zero'
  | 'overflow'
  | 'bad-cast'
  | 'bad-argument'
  | 'bad-regex'
  | 'too-long'
  | 'too-deep'
  | 'too-many-items';

export type ExpressionErrorDetails = {
  /** The source (cut at the length limit). */
  expression: string;
  /** 0-based offset of the offending token, operator or call. */
  position: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  reason: ExpressionErrorReason;
  /** The value a runtime error is about (a failed cast), when there is one. */
  value?: Value;
};

/** A compile-time or runtime error of an expression, with the position it points at. */
export class ExpressionError extends InvalidInputError {
  declare readonly details: ExpressionErrorDetails;

  constructor(message: string, details: ExpressionErrorDetails) {
    super(message, details);
  }
}

export interface CompiledExpression {
  readonly source: string;
  /** Field names referenced, each once, in order of first reference. */
  readonly fields: readonly string[];
  /** Static result type when knowable from the schema and the literals. */
  readonly type: StaticType;
  /**
   * Evaluates against one row; `get(i)` returns the value of fields[i]. With a schema, values are
   * trusted to have their declared types. Runtime errors (division by zero, bad cast) throw
   * ExpressionError with the position of the operator or call.
   */
  evaluate(get: (index: number) => Value): Value;
}

/** Limits on what compileExpression accepts; each keeps a hostile expression from costing much. */
export const EXPRESSION_LIMITS = {
  maxLength: 10_000,
  /** Parentheses, calls, lists, unary minus and not, counted together. */
  maxDepth: 100,
  maxListItems: 10_000,
  maxPatternLength: 1_000,
} as const;

/** Parses and compiles `source`; with a schema, field names and types are checked too. */
export function compileExpression(source: string, schema?: Schema): CompiledExpression {
  if (typeof source !== 'string') throw new InvalidInputError('expression: source must be a string');
  const raise = makeRaise(source);
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    raise('too-long', 0, `expression is ${source.length} characters long, over the limit of ${EXPRESSION_LIMITS.maxLength}`);
  }
  const ast = new Parser(lex(source, raise), raise).parse();
  const compiler = new Compiler(raise, schema);
  const root = compiler.compile(ast);
  return Object.freeze({
    source,
    fields: Object.freeze(compiler.fields),
    type: root.type,
    evaluate: root.ev,
  });
}

/** Evaluates against a row object; a field the row does not own (or holds a non-value) reads as null. */
export function evaluateRow(expr: CompiledExpression, row: Record<string, Value>): Value {
  const names = expr.fields;
  return expr.evaluate((i) => {
    const name = names[i];
    // Own properties only: `constructor` or `toString` must never reach Object.prototype.
    if (name === undefined || !Object.hasOwn(row, name)) return null;
    return asValue(row[name]);
  });
}

/** Evaluates every row of a column-major batch; each referenced field must be in the batch. */
export function evaluateBatch(expr: CompiledExpression, batch: RecordBatch): Value[] {
  const columns = expr.fields.map((name) => {
    const index = fieldIndex(batch.schema, name);
    const column = batch.columns[index];
    if (index < 0 || column === undefined) {
      throw new InvalidInputError(`expression "${shorten(expr.source)}": field "${name}" is not in the batch`, { field: name });
    }
    return column;
  });
  const out = new Array<Value>(batch.length);
  let row = 0;
  const get = (i: number): Value => columns[i]![row] ?? null;
  for (; row < batch.length; row++) out[row] = expr.evaluate(get);
  return out;
}

type Raise = (reason: ExpressionErrorReason, position: number, problem: string, extra?: { suffix?: string; value?: Value }) => never;

function makeRaise(source: string): Raise {
  return (reason, position, problem, extra) => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < position && i < source.length; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = position - lineStart + 1;
    const details: ExpressionErrorDetails = {
      expression: source.length > EXPRESSION_LIMITS.maxLength ? `${source.slice(0, EXPRESSION_LIMITS.maxLength)}…` : source,
      position,
      line,
      column,
      reason,
    };
    if (extra && 'value' in extra) details.value = extra.value ?? null;
    throw new ExpressionError(`expression "${shorten(source)}": ${problem} at ${line}:${column}${extra?.suffix ?? ''}`, details);
  };
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as it appears in a message: strings quoted, long ones cut. */
function show(v: Value): string {
  return typeof v === 'string' ? JSON.stringify(shorten(v, 40)) : String(v);
}

function runtimeKind(v: Value): string {
  return v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v;
}

function asValue(v: unknown): Value {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

type TokenKind = 'number' | 'string' | 'name' | 'quoted' | 'keyword' | 'op' | 'end';

interface Token {
  kind: TokenKind;
  /** keyword: lower-cased; string: the decoded text; name/quoted: the field or function name. */
  text: string;
  pos: number;
  end: number;
  /** number: written without a fraction or exponent. */
  int?: boolean;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false']);
const TWO_CHAR_OPS = new Set(['==', '!=', '<>', '<=', '>=', '??', '||', '&&']);
const ONE_CHAR_OPS = new Set(['=', '<', '>', '+', '-', '*', '/', '%', '&', '!', '(', ')', '[', ']', ',']);
const NAME = /[\p{L}_][\p{L}\p{N}\p{M}_]*/uy;
const NAME_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const HEX_BRACED = /\{([0-9a-fA-F]{1,6})\}/y;

function lex(source: string, raise: Raise): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(source)!;
      const end = i + m[0].length;
      if (end < n && (NAME_CHAR.test(source[end]!) || source[end] === '.')) {
        let stop = end + 1;
        while (stop < n && (NAME_CHAR.test(source[stop]!) || source[stop] === '.')) stop++;
        raise('syntax', i, `malformed number "${shorten(source.slice(i, stop), 20)}"`);
      }
      tokens.push({ kind: 'number', text: m[0], pos: i, end, int: m[1] === undefined && m[2] === undefined });
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const { text, end } = lexString(source, i, raise);
      tokens.push({ kind: 'string', text, pos: i, end });
      i = end;
      continue;
    }
    if (c === '`') {
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= n) raise('syntax', i, 'unterminated `quoted` field name');
        const d = source[j]!;
        if (d === '`') {
          if (source[j + 1] === '`') {
            name += '`';
            j += 2;
            continue;
          }
          break;
        }
        name += d;
        j++;
      }
      if (name === '') raise('syntax', i, 'empty field name ``');
      tokens.push({ kind: 'quoted', text: name, pos: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      const lower = name[0].toLowerCase();
      const keyword = KEYWORDS.has(lower);
      tokens.push({ kind: keyword ? 'keyword' : 'name', text: keyword ? lower : name[0], pos: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: 'op', text: two, pos: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      tokens.push({ kind: 'op', text: c, pos: i, end: i + 1 });
      i++;
      continue;
    }
    raise('syntax', i, `unexpected "${String.fromCodePoint(source.codePointAt(i)!)}"`);
  }
  tokens.push({ kind: 'end', text: '', pos: n, end: n });
  return tokens;
}

function lexString(source: string, start: number, raise: Raise): { text: string; end: number } {
  const quote = source[start];
  let text = '';
  let j = start + 1;
  for (;;) {
    if (j >= source.length) raise('syntax', start, 'unterminated string');
    const c = source[j]!;
    if (c === quote) return { text, end: j + 1 };
    if (c !== '\\') {
      text += c;
      j++;
      continue;
    }
    const e = source[j + 1];
    switch (e) {
      case 'n': text += '\n'; break;
      case 't': text += '\t'; break;
      case 'r': text += '\r'; break;
      case '\\': text += '\\'; break;
      case "'": text += "'"; break;
      case '"': text += '"'; break;
      case 'u': {
        HEX_BRACED.lastIndex = j + 2;
        const braced = HEX_BRACED.exec(source);
        if (braced) {
          const cp = parseInt(braced[1]!, 16);
          if (cp > 0x10ffff) raise('syntax', j, `unicode escape \\u{${braced[1]}} is beyond U+10FFFF`);
          text += String.fromCodePoint(cp);
          j += 2 + braced[0].length;
          continue;
        }
        HEX4.lastIndex = j + 2;
        const four = HEX4.exec(source);
        if (!four) raise('syntax', j, 'malformed unicode escape: use \\u{1F600} or \\u00e9');
        text += String.fromCharCode(parseInt(four[0], 16));
        j += 6;
        continue;
      }
      default:
        raise('syntax', j, e === undefined ? 'unterminated string' : `unknown escape "\\${e}"`);
    }
    j += 2;
  }
}

// Parser: recursive descent, one method per precedence level (EXPRESSIONS.md lists them).

type ChainKind = 'or' | 'and' | 'coalesce' | 'concat' | 'arith';
type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Syntax tree. Runs of one associative level (`a + b - c`, `x or y or z`) are one `chain` node, so a long run stays shallow. */
type Ast =
  | { k: 'literal'; pos: number; value: Value; type: StaticType }
  | { k: 'field'; pos: number; name: string }
  | { k: 'chain'; kind: ChainKind; items: Ast[]; ops: { op: string; pos: number }[] }
  | { k: 'not'; pos: number; arg: Ast }
  | { k: 'neg'; pos: number; arg: Ast }
  | { k: 'compare'; pos: number; op: CompareOp; left: Ast; right: Ast }
  | { k: 'in'; pos: number; negated: boolean; arg: Ast; items: Ast[]; itemPos: number[] }
  | { k: 'isnull'; pos: number; negated: boolean; arg: Ast }
  | { k: 'call'; pos: number; name: string; args: Ast[]; argPos: number[] };

const COMPARE_OPS = new Map<string, CompareOp>([
  ['=', '='], ['==', '='], ['!=', '!='], ['<>', '!='], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='],
]);

class Parser {
  private p = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly raise: Raise,
  ) {}

  parse(): Ast {
    const ast = this.or();
    const t = this.peek();
    if (t.kind !== 'end') this.unexpected(t);
    return ast;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.p + ahead, this.tokens.length - 1)]!;
  }

  private take(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.p++;
    return t;
  }

  private isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.text === op;
  }

  private isKeyword(t: Token, word: string): boolean {
    return t.kind === 'keyword' && t.text === word;
  }

  private expectOp(op: string): Token {
    const t = this.peek();
    if (!this.isOp(t, op)) this.unexpected(t, `"${op}"`);
    return this.take();
  }

  private unexpected(t: Token, expected?: string): never {
    const what =
      t.kind === 'end' ? 'end of expression'
      : t.kind === 'string' ? `string ${JSON.stringify(shorten(t.text, 20))}`
      : `"${shorten(t.kind === 'quoted' ? `\`${t.text}\`` : t.text, 20)}"`;
    this.raise('syntax', t.pos, `unexpected ${what}${expected ? `, expected ${expected}` : ''}`);
  }

  /** Counts one level of nesting; the limit keeps a hostile expression from overflowing the stack. */
  private enter(pos: number): void {
    if (++this.depth > EXPRESSION_LIMITS.maxDepth) {
      this.raise('too-deep', pos, `expression nests deeper than ${EXPRESSION_LIMITS.maxDepth} levels`);
    }
  }

  private chain(kind: ChainKind, next: () => Ast, match: (t: Token) => string | undefined): Ast {
    const first = next();
    let op = match(this.peek());
    if (op === undefined) return first;
    const items = [first];
    const ops: { op: string; pos: number }[] = [];
    while (op !== undefined) {
      ops.push({ op, pos: this.take().pos });
      items.push(next());
      op = match(this.peek());
    }
    return { k: 'chain', kind, items, ops };
  }

  private or(): Ast {
    return this.chain('or', () => this.and(), (t) => (this.isKeyword(t, 'or') || this.isOp(t, '||') ? 'or' : undefined));
  }

  private and(): Ast {
    return this.chain('and', () => this.not(), (t) => (this.isKeyword(t, 'and') || this.isOp(t, '&&') ? 'and' : undefined));
  }

  private not(): Ast {
    const t = this.peek();
    if (this.isKeyword(t, 'not') || this.isOp(t, '!')) {
      this.take();
      this.enter(t.pos);
      const arg = this.not();
      this.depth--;
      return { k: 'not', pos: t.pos, arg };
    }
    return this.comparison();
  }

  private comparison(): Ast {
    const left = this.membership();
    const t = this.peek();
    const op = t.kind === 'op' ? COMPARE_OPS.get(t.text) : undefined;
    if (op === undefined) return left;
    this.take();
    const right = this.membership();
    const after = this.peek();
    if (after.kind === 'op' && COMPARE_OPS.has(after.text)) {
      this.raise('syntax', after.pos, `comparisons cannot be chained: use "and" or parentheses before "${after.text}"`);
    }
    return { k: 'compare', pos: t.pos, op, left, right };
  }

  private membership(): Ast {
    let arg = this.isNull();
    for (;;) {
      const t = this.peek();
      const negated = this.isKeyword(t, 'not') && this.isKeyword(this.peek(1), 'in');
      if (!negated && !this.isKeyword(t, 'in')) return arg;
      this.take();
      if (negated) this.take();
      const open = this.expectOp('[');
      this.enter(open.pos);
      const items: Ast[] = [];
      const itemPos: number[] = [];
      if (!this.isOp(this.peek(), ']')) {
        for (;;) {
          const at = this.peek().pos;
          if (items.length === EXPRESSION_LIMITS.maxListItems) {
            this.raise('too-many-items', at, `list has more than ${EXPRESSION_LIMITS.maxListItems} items`);
          }
          itemPos.push(at);
          items.push(this.or());
          if (!this.isOp(this.peek(), ',')) break;
          this.take();
        }
      }
      this.expectOp(']');
      this.depth--;
      arg = { k: 'in', pos: t.pos, negated, arg, items, itemPos };
    }
  }

  private isNull(): Ast {
    let arg = this.coalesce();
    while (this.isKeyword(this.peek(), 'is')) {
      const t = this.take();
      const negated = this.isKeyword(this.peek(), 'not');
      if (negated) this.take();
      if (!this.isKeyword(this.peek(), 'null')) this.unexpected(this.peek(), '"null"');
      this.take();
      arg = { k: 'isnull', pos: t.pos, negated, arg };
    }
    return arg;
  }

  private coalesce(): Ast {
    return this.chain('coalesce', () => this.concat(), (t) => (this.isOp(t, '??') ? '??' : undefined));
  }

  private concat(): Ast {
    return this.chain('concat', () => this.additive(), (t) => (this.isOp(t, '&') ? '&' : undefined));
  }

  private additive(): Ast {
    return this.chain('arith', () => this.multiplicative(), (t) => (this.isOp(t, '+') || this.isOp(t, '-') ? t.text : undefined));
  }

  private multiplicative(): Ast {
    return this.chain('arith', () => this.unary(), (t) => (this.isOp(t, '*') || this.isOp(t, '/') || this.isOp(t, '%') ? t.text : undefined));
  }

  private unary(): Ast {
    const t = this.peek();
    if (this.isOp(t, '-')) {
      this.take();
      this.enter(t.pos);
      const arg = this.unary();
      this.depth--;
      return { k: 'neg', pos: t.pos, arg };
    }
    return this.primary();
  }

  private primary(): Ast {
    const t = this.take();
    switch (t.kind) {
      case 'number':
        return this.number(t);
      case 'string':
        return { k: 'literal', pos: t.pos, value: t.text, type: 'string' };
      case 'quoted':
        return { k: 'field', pos: t.pos, name: t.text };
      case 'keyword':
        if (t.text === 'true' || t.text === 'false') return { k: 'literal', pos: t.pos, value: t.text === 'true', type: 'bool' };
        if (t.text === 'null') return { k: 'literal', pos: t.pos, value: null, type: 'null' };
        return this.unexpected(t);
      case 'name':
        return this.isOp(this.peek(), '(') ? this.call(t) : { k: 'field', pos: t.pos, name: t.text };
      case 'op':
        if (t.text === '(') {
          this.enter(t.pos);
          const inner = this.or();
          this.expectOp(')');
          this.depth--;
          return inner;
        }
        return this.unexpected(t);
      default:
        return this.unexpected(t);
    }
  }

  private number(t: Token): Ast {
    const value = Number(t.text);
    if (t.int) {
      if (!Number.isSafeInteger(value)) this.raise('overflow', t.pos, `integer ${shorten(t.text, 30)} is beyond 2^53; write it as a float (${shorten(t.text, 30)}.0)`);
      return { k: 'literal', pos: t.pos, value, type: 'int' };
    }
    if (!Number.isFinite(value)) this.raise('overflow', t.pos, `number ${shorten(t.text, 30)} is out of range`);
    return { k: 'literal', pos: t.pos, value, type: 'float' };
  }

  private call(name: Token): Ast {
    const open = this.expectOp('(');
    this.enter(open.pos);
    const args: Ast[] = [];
    const argPos: number[] = [];
    if (!this.isOp(this.peek(), ')')) {
      for (;;) {
        argPos.push(this.peek().pos);
        args.push(this.or());
        if (!this.isOp(this.peek(), ',')) break;
        this.take();
      }
    }
    this.expectOp(')');
    this.depth--;
    return { k: 'call', pos: name.pos, name: name.text, args, argPos };
  }
}

// Compiler: type-checks each node and turns it into a closure; constant subtrees are folded.

type Get = (index: number) => Value;
type Eval = (get: Get) => Value;
/** One binary step on two non-null values. */
type Step = (a: Value, b: Value) => Value;

interface Compiled {
  type: StaticType;
  ev: Eval;
  constant: boolean;
  value?: Value;
}

/** What a value kind is at run time: 'number' covers int, float and timestamp. */
type Kind = 'number' | 'string' | 'boolean';

function kindOf(t: StaticType): Kind | undefined {
  switch (t) {
    case 'int':
    case 'float':
    case 'timestamp':
      return 'number';
    case 'string':
      return 'string';
    case 'bool':
      return 'boolean';
    default:
      return undefined;
  }
}

/** The common type of two branches (if, coalesce, ??, min/max), or undefined when they clash. */
function unify(a: StaticType, b: StaticType): StaticType | undefined {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (a === 'any' || b === 'any') return 'any';
  if ((a === 'int' && b === 'float') || (a === 'float' && b === 'int')) return 'float';
  return undefined;
}

const NO_FIELDS: Get = () => null;

function constant(value: Value, type: StaticType): Compiled {
  return { type, ev: () => value, constant: true, value };
}

/** Replaces a node whose inputs are all constant by its value; a runtime error is left to run time. */
function fold(node: Compiled, inputs: readonly Compiled[]): Compiled {
  if (!inputs.every((c) => c.constant)) return node;
  try {
    return constant(node.ev(NO_FIELDS), node.type);
  } catch (err) {
    if (err instanceof ExpressionError) return node;
    throw err;
  }
}

class Compiler {
  readonly fields: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly schemaTypes: Map<string, FieldType> | undefined;

  constructor(
    private readonly raise: Raise,
    private readonly schema: Schema | undefined,
  ) {
    this.schemaTypes = schema ? new Map(schema.fields.map((f) => [f.name, f.type])) : undefined;
  }

  compile(node: Ast): Compiled {
    switch (node.k) {
      case 'literal':
        return constant(node.value, node.type);
      case 'field':
        return this.field(node.name, node.pos);
      case 'chain':
        return this.chain(node.kind, node.items, node.ops);
      case 'not':
        return this.not(node.arg, node.pos);
      case 'neg':
        return this.negate(node.arg, node.pos);
      case 'compare':
        return this.compare(node.op, node.left, node.right, node.pos);
      case 'in':
        return this.membership(node);
      case 'isnull': {
        const arg = this.compile(node.arg);
        const f = arg.ev;
        const node2: Compiled = { type: 'bool', ev: node.negated ? (get) => f(get) !== null : (get) => f(get) === null, constant: false };
        return fold(node2, [arg]);
      }
      case 'call':
        return this.call(node);
    }
  }

  private field(name: string, pos: number): Compiled {
    let type: StaticType = 'any';
    if (this.schemaTypes) {
      const declared = this.schemaTypes.get(name);
      if (declared === undefined) {
        const known = this.schema!.fields.map((f) => f.name);
        const list = known.length > 10 ? `${known.slice(0, 10).join(', ')}, …` : known.join(', ');
        this.raise('unknown-field', pos, `unknown field "${shorten(name, 40)}"`, { suffix: ` (known: ${list || 'none'})` });
      }
      type = declared;
    }
    let index = this.indexOf.get(name);
    if (index === undefined) {
      index = this.fields.length;
      this.fields.push(name);
      this.indexOf.set(name, index);
    }
    const i = index;
    return { type, ev: (get) => get(i), constant: false };
  }

  private chain(kind: ChainKind, items: Ast[], ops: { op: string; pos: number }[]): Compiled {
    const parts = items.map((item) => this.compile(item));
    switch (kind) {
      case 'or':
      case 'and':
        return fold(this.logical(kind, parts, ops), parts);
      case 'coalesce':
        return fold(this.coalesce(parts, ops.map((o) => o.pos), '"??"'), parts);
      case 'concat':
        return fold(concatenation(parts), parts);
      case 'arith':
        return fold(this.arithmetic(parts, ops), parts);
    }
  }

  /** Three-valued and/or: false decides `and`, true decides `or`, otherwise a null makes the result null. */
  private logical(kind: 'and' | 'or', parts: Compiled[], ops: { pos: number }[]): Compiled {
    const raise = this.raise;
    const positions = parts.map((_, i) => ops[Math.max(0, i - 1)]!.pos);
    parts.forEach((p, i) => {
      if (p.type !== 'bool' && p.type !== 'null' && p.type !== 'any') raise('type', positions[i]!, `"${kind}" needs bools, found ${p.type}`);
    });
    const check = parts.some((p) => p.type === 'any');
    const decisive = kind === 'or';
    const fs = parts.map((p) => p.ev);
    const bad = (v: Value, i: number): never => raise('type', positions[i]!, `"${kind}" needs bools, found ${show(v)}`, { value: v });
    let ev: Eval;
    if (fs.length === 2) {
      const f = fs[0]!;
      const g = fs[1]!;
      ev = (get) => {
        const a = f(get);
        if (a === decisive) return decisive;
        if (check && a !== null && typeof a !== 'boolean') bad(a, 0);
        const b = g(get);
        if (b === decisive) return decisive;
        if (check && b !== null && typeof b !== 'boolean') bad(b, 1);
        return a === null || b === null ? null : !decisive;
      };
    } else {
      ev = (get) => {
        let sawNull = false;
        for (let i = 0; i < fs.length; i++) {
          const v = fs[i]!(get);
          if (v === decisive) return decisive;
          if (v === null) sawNull = true;
          else if (check && typeof v !== 'boolean') bad(v, i);
        }
        return sawNull ? null : !decisive;
      };
    }
    return { type: 'bool', ev, constant: false };
  }

  /** `??` and coalesce(): the first non-null part; later parts are evaluated only when needed. */
  coalesce(parts: Compiled[], positions: number[], what: string): Compiled {
    let type: StaticType = parts[0]!.type;
    for (let i = 1; i < parts.length; i++) {
      const next = unify(type, parts[i]!.type);
      if (next === undefined) this.raise('type', positions[i - 1]!, `${what} mixes ${type} and ${parts[i]!.type}`);
      type = next;
    }
    const fs = parts.map((p) => p.ev);
    let ev: Eval;
    if (fs.length === 2) {
      const f = fs[0]!;
      const g = fs[1]!;
      ev = (get) => {
        const a = f(get);
        return a === null ? g(get) : a;
      };
    } else {
      ev = (get) => {
        for (let i = 0; i < fs.length; i++) {
          const v = fs[i]!(get);
          if (v !== null) return v;
        }
        return null;
      };
    }
    return { type, ev, constant: false };
  }

  private arithmetic(parts: Compiled[], ops: { op: string; pos: number }[]): Compiled {
    let type = parts[0]!.type;
    const steps: Step[] = [];
    ops.forEach(({ op, pos }, i) => {
      const right = parts[i + 1]!.type;
      const result = arithType(op, type, right);
      if (result.error) this.raise('type', pos, result.error);
      const checkTypes = type === 'any' || right === 'any';
      const mode = result.type === 'int' || result.type === 'timestamp' ? 'int' : result.type === 'float' ? 'float' : 'dynamic';
      steps.push(arithStep(op, mode, checkTypes, pos, this.raise));
      type = result.type;
    });
    return { type, ev: applySteps(parts.map((p) => p.ev), steps), constant: false };
  }

  private not(argAst: Ast, pos: number): Compiled {
    const arg = this.compile(argAst);
    if (arg.type !== 'bool' && arg.type !== 'null' && arg.type !== 'any') this.raise('type', pos, `"not" needs a bool, found ${arg.type}`);
    const f = arg.ev;
    const check = arg.type === 'any';
    const raise = this.raise;
    const ev: Eval = (get) => {
      const v = f(get);
      if (v === null) return null;
      if (check && typeof v !== 'boolean') raise('type', pos, `"not" needs a bool, found ${show(v)}`, { value: v });
      return !v;
    };
    return fold({ type: arg.type === 'null' ? 'null' : 'bool', ev, constant: false }, [arg]);
  }

  private negate(argAst: Ast, pos: number): Compiled {
    const arg = this.compile(argAst);
    if (arg.type !== 'int' && arg.type !== 'float' && arg.type !== 'null' && arg.type !== 'any') this.raise('type', pos, `unary "-" needs a number, found ${arg.type}`);
    const f = arg.ev;
    const check = arg.type === 'any';
    const raise = this.raise;
    const ev: Eval = (get) => {
      const v = f(get);
      if (v === null) return null;
      if (check && typeof v !== 'number') raise('type', pos, `unary "-" needs a number, found ${show(v)}`, { value: v });
      return 0 - (v as number);
    };
    return fold({ type: arg.type, ev, constant: false }, [arg]);
  }

  private compare(op: CompareOp, leftAst: Ast, rightAst: Ast, pos: number): Compiled {
    const left = this.compile(leftAst);
    const right = this.compile(rightAst);
    const lk = kindOf(left.type);
    const rk = kindOf(right.type);
    if (lk !== undefined && rk !== undefined && lk !== rk) this.raise('type', pos, `cannot compare ${left.type} with ${right.type}`);
    const check = (lk === undefined && left.type === 'any') || (rk === undefined && right.type === 'any');
    const type: StaticType = left.type === 'null' || right.type === 'null' ? 'null' : 'bool';
    const k = right.value;
    const ev =
      right.constant && k !== null && k !== undefined && !left.constant
        ? compareWithConstant(op, left.ev, k, left.type === 'any', pos, this.raise)
        : applySteps([left.ev, right.ev], [compareStep(op, check, pos, this.raise)]);
    return fold({ type, ev, constant: false }, [left, right]);
  }

  /** SQL `in`: null when the value is null, or when nothing matches and the list holds a null. */
  private membership(node: Extract<Ast, { k: 'in' }>): Compiled {
    const arg = this.compile(node.arg);
    const items = node.items.map((item) => this.compile(item));
    const raise = this.raise;
    let listType: StaticType = 'null';
    items.forEach((item, i) => {
      const at = node.itemPos[i]!;
      const ak = kindOf(arg.type);
      const ik = kindOf(item.type);
      if (ak !== undefined && ik !== undefined && ak !== ik) raise('type', at, `cannot compare ${arg.type} with ${item.type} in a list`);
      const lk = kindOf(listType);
      if (lk !== undefined && ik !== undefined && lk !== ik) raise('type', at, `list mixes ${listType} and ${item.type}`);
      if (ik !== undefined) listType = item.type;
    });
    const negated = node.negated;
    const yes = !negated;
    const pos = node.pos;
    const f = arg.ev;
    const mismatch = (x: Value, v: Value): never =>
      raise('type', pos, `cannot compare ${runtimeKind(x)} with ${runtimeKind(v)}: ${show(x)} ${negated ? 'not in' : 'in'} a list of ${runtimeKind(v)}s`, { value: x });
    let ev: Eval;
    if (items.every((item) => item.constant)) {
      const values = items.map((item) => item.value ?? null);
      const hasNull = values.includes(null);
      const set = new Set(values.filter((v) => v !== null));
      const sample = values.find((v) => v !== null) ?? null;
      const listKind = sample === null ? undefined : typeof sample;
      const check = listKind !== undefined && kindOf(arg.type) === undefined;
      ev = (get) => {
        const x = f(get);
        if (x === null) return null;
        if (check && typeof x !== listKind) mismatch(x, sample);
        if (set.has(x)) return yes;
        return hasNull ? null : !yes;
      };
    } else {
      const fs = items.map((item) => item.ev);
      const check = kindOf(arg.type) === undefined || items.some((item) => kindOf(item.type) === undefined);
      ev = (get) => {
        const x = f(get);
        if (x === null) return null;
        let sawNull = false;
        for (let i = 0; i < fs.length; i++) {
          const v = fs[i]!(get);
          if (v === null) sawNull = true;
          else if (check && typeof v !== typeof x) mismatch(x, v);
          else if (v === x) return yes;
        }
        return sawNull ? null : !yes;
      };
    }
    return fold({ type: arg.type === 'null' ? 'null' : 'bool', ev, constant: false }, [arg, ...items]);
  }

  private call(node: Extract<Ast, { k: 'call' }>): Compiled {
    const spec = FUNCTIONS.get(node.name.toLowerCase());
    if (spec === undefined) this.raise('unknown-function', node.pos, `unknown function "${shorten(node.name, 40)}"`);
    const n = node.args.length;
    if (n < spec.min || n > spec.max) {
      const takes =
        spec.min === spec.max ? `${spec.min} argument${spec.min === 1 ? '' : 's'}`
        : spec.max === Infinity ? `at least ${spec.min} argument${spec.min === 1 ? '' : 's'}`
        : `${spec.min} to ${spec.max} arguments`;
      this.raise('arity', node.pos, `${spec.name}() takes ${takes}, found ${n}`);
    }
    const args = node.args.map((a) => this.compile(a));
    const site: CallSite = { name: spec.name, pos: node.pos, args, argPos: node.argPos, raise: this.raise, compiler: this };
    return fold(spec.build(site), args);
  }
}

function arithType(op: string, l: StaticType, r: StaticType): { type: StaticType; error?: undefined } | { type: StaticType; error: string } {
  for (const t of [l, r]) {
    if (t === 'string' || t === 'bool') {
      const hint = op === '+' && t === 'string' ? '; join strings with & or concat()' : '';
      return { type: 'any', error: `"${op}" needs numbers, found ${t}${hint}` };
    }
  }
  if (l === 'null' || r === 'null') return { type: 'null' };
  if (l === 'timestamp' || r === 'timestamp') {
    if (op === '+' && ((l === 'timestamp' && r === 'int') || (l === 'int' && r === 'timestamp'))) return { type: 'timestamp' };
    if (op === '-' && l === 'timestamp' && r === 'int') return { type: 'timestamp' };
    if (op === '-' && l === 'timestamp' && r === 'timestamp') return { type: 'int' };
    if ((op === '+' || op === '-') && (l === 'any' || r === 'any') && l !== 'float' && r !== 'float') return { type: 'any' };
    return { type: 'any', error: `"${op}" cannot combine ${l} and ${r}` };
  }
  if (op === '/') return { type: 'float' };
  if (l === 'float' || r === 'float') return { type: 'float' };
  if (l === 'int' && r === 'int') return { type: 'int' };
  return { type: 'any' };
}

/**
 * One arithmetic step. `mode` says how the result is checked: 'int' keeps integer semantics (a
 * result beyond ±2^53 is an overflow, not a silently rounded number), 'float' rejects Infinity,
 * 'dynamic' (a side of unknown type) decides per row from whether both operands are integers.
 */
function arithStep(op: string, mode: 'int' | 'float' | 'dynamic', checkTypes: boolean, pos: number, raise: Raise): Step {
  const notNumber = (a: Value, b: Value): never => {
    const bad = typeof a !== 'number' ? a : b;
    return raise('type', pos, `"${op}" needs numbers, found ${show(bad)}`, { value: bad });
  };
  const finish = (v: number, a: number, b: number): number => {
    if (mode === 'int' || (mode === 'dynamic' && op !== '/' && Number.isInteger(a) && Number.isInteger(b))) {
      if (!Number.isSafeInteger(v)) raise('overflow', pos, `integer overflow: ${a} ${op} ${b} is beyond 2^53`);
      return v + 0; // -0 → 0: integers have one zero
    }
    if (!Number.isFinite(v)) raise('overflow', pos, `${a} ${op} ${b} is not a finite number`);
    return v;
  };
  const zero = (): never => raise('division-by-zero', pos, op === '/' ? 'division by zero' : 'modulo by zero');
  switch (op) {
    case '+':
      return (a, b) => {
        if (checkTypes && (typeof a !== 'number' || typeof b !== 'number')) notNumber(a, b);
        return finish((a as number) + (b as number), a as number, b as number);
      };
    case '-':
      return (a, b) => {
        if (checkTypes && (typeof a !== 'number' || typeof b !== 'number')) notNumber(a, b);
        return finish((a as number) - (b as number), a as number, b as number);
      };
    case '*':
      return (a, b) => {
        if (checkTypes && (typeof a !== 'number' || typeof b !== 'number')) notNumber(a, b);
        return finish((a as number) * (b as number), a as number, b as number);
      };
    case '/':
      return (a, b) => {
        if (checkTypes && (typeof a !== 'number' || typeof b !== 'number')) notNumber(a, b);
        if (b === 0) zero();
        return finish((a as number) / (b as number), a as number, b as number);
      };
    default:
      return (a, b) => {
        if (checkTypes && (typeof a !== 'number' || typeof b !== 'number')) notNumber(a, b);
        if (b === 0) zero();
        return finish((a as number) % (b as number), a as number, b as number);
      };
  }
}

function compareStep(op: CompareOp, check: boolean, pos: number, raise: Raise): Step {
  const mismatch = (a: Value, b: Value): never => raise('type', pos, `cannot compare ${runtimeKind(a)} with ${runtimeKind(b)}: ${show(a)} ${op} ${show(b)}`, { value: b });
  // Strings, numbers and bools each order with <; the casts only quiet the type checker.
  switch (op) {
    case '=':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : a === b);
    case '!=':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : a !== b);
    case '<':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : (a as number) < (b as number));
    case '<=':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : (a as number) <= (b as number));
    case '>':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : (a as number) > (b as number));
    case '>=':
      return (a, b) => (check && typeof a !== typeof b ? mismatch(a, b) : (a as number) >= (b as number));
  }
}

/** `x > 100`, the common filter shape: one closure, no second operand to evaluate. */
function compareWithConstant(op: CompareOp, f: Eval, k: string | number | boolean, check: boolean, pos: number, raise: Raise): Eval {
  const kind = typeof k;
  const mismatch = (a: Value): never => raise('type', pos, `cannot compare ${runtimeKind(a)} with ${runtimeKind(k)}: ${show(a)} ${op} ${show(k)}`, { value: k });
  const n = k as number; // strings and bools order with < as well; the cast only quiets the type checker
  switch (op) {
    case '=':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return a === k;
      };
    case '!=':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return a !== k;
      };
    case '<':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return (a as number) < n;
      };
    case '<=':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return (a as number) <= n;
      };
    case '>':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return (a as number) > n;
      };
    case '>=':
      return (get) => {
        const a = f(get);
        if (a === null) return null;
        if (check && typeof a !== kind) mismatch(a);
        return (a as number) >= n;
      };
  }
}

/** Left-to-right steps over operands; a null operand makes the result null (and skips the rest). */
function applySteps(fs: Eval[], steps: Step[]): Eval {
  if (fs.length === 2) {
    const f = fs[0]!;
    const g = fs[1]!;
    const step = steps[0]!;
    return (get) => {
      const a = f(get);
      if (a === null) return null;
      const b = g(get);
      if (b === null) return null;
      return step(a, b);
    };
  }
  return (get) => {
    let acc = fs[0]!(get);
    if (acc === null) return null;
    for (let i = 1; i < fs.length; i++) {
      const b = fs[i]!(get);
      if (b === null) return null;
      acc = steps[i - 1]!(acc, b);
    }
    return acc;
  };
}

/** `&` and concat(): every part as text (as string() gives it), null as ''. Never null. */
function concatenation(parts: Compiled[]): Compiled {
  const fs = parts.map((p) => p.ev);
  const texts = parts.map((p) => (p.type === 'timestamp' ? isoText : plainText));
  const ev: Eval = (get) => {
    let out = '';
    for (let i = 0; i < fs.length; i++) {
      const v = fs[i]!(get);
      if (v !== null) out += texts[i]!(v);
    }
    return out;
  };
  return { type: 'string', ev, constant: false };
}

function plainText(v: Value): string {
  return typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

const MAX_EPOCH_MS = 8.64e15;

function isoText(v: Value): string {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_EPOCH_MS ? new Date(v).toISOString() : plainText(v);
}

type Fail = (reason: ExpressionErrorReason, problem: string, value?: Value) => never;

interface CallSite {
  name: string;
  pos: number;
  args: Compiled[];
  argPos: number[];
  raise: Raise;
  compiler: Compiler;
}

interface FunctionSpec {
  /** As documented; calls match case-insensitively. */
  name: string;
  min: number;
  max: number;
  build(site: CallSite): Compiled;
}

/** A parameter: the static types it accepts and the run-time test for arguments of unknown type. */
interface Param {
  what: string;
  accepts: readonly StaticType[];
  test(v: Value): boolean;
}

const STRING: Param = { what: 'a string', accepts: ['string'], test: (v) => typeof v === 'string' };
const NUMBER_P: Param = { what: 'a number', accepts: ['int', 'float'], test: (v) => typeof v === 'number' };
const INT: Param = { what: 'an int', accepts: ['int'], test: (v) => Number.isInteger(v) };
const TIME: Param = { what: 'a timestamp', accepts: ['timestamp', 'int'], test: (v) => Number.isInteger(v) };
const SCALAR: Param = { what: 'a value', accepts: ['string', 'int', 'float', 'bool', 'timestamp'], test: () => true };
// A fractional number passes the test so that timestamp() reports it as a bad cast.
const TIME_SOURCE: Param = { what: 'a string or an int', accepts: ['string', 'int', 'timestamp'], test: (v) => typeof v !== 'boolean' };
const ORDERED: Param = { what: 'a number, string or timestamp', accepts: ['int', 'float', 'timestamp', 'string'], test: (v) => typeof v !== 'boolean' };

function checkArgs(site: CallSite, params: readonly Param[]): void {
  site.args.forEach((arg, i) => {
    const param = params[Math.min(i, params.length - 1)]!;
    if (arg.type !== 'null' && arg.type !== 'any' && !param.accepts.includes(arg.type)) {
      site.raise('type', site.argPos[i]!, `${site.name}() needs ${param.what} as argument ${i + 1}, found ${arg.type}`);
    }
  });
}

function makeFail(site: CallSite): Fail {
  return (reason, problem, value) => site.raise(reason, site.pos, problem, value === undefined ? undefined : { value });
}

type Impl = (fail: Fail, a: Value, b: Value | undefined, c: Value | undefined) => Value;

/**
 * A function that returns null when any argument is null. Arguments of unknown static type are
 * tested at run time; `impl` receives non-null values of the right kind (undefined for an omitted one).
 */
function strict(params: readonly Param[], result: StaticType | ((site: CallSite) => StaticType), impl: Impl): FunctionSpec['build'] {
  return (site) => {
    checkArgs(site, params);
    const type = site.args.some((a) => a.type === 'null') ? 'null' : typeof result === 'function' ? result(site) : result;
    const fn = impl;
    const fail = makeFail(site);
    const tests = site.args.map((a, i) => (a.type === 'any' ? params[Math.min(i, params.length - 1)]! : undefined));
    const wrong = (i: number, v: Value): never => fail('type', `${site.name}() needs ${tests[i]!.what} as argument ${i + 1}, found ${show(v)}`, v);
    const [f, g, h] = site.args.map((a) => a.ev);
    const [t0, t1, t2] = tests;
    let ev: Eval;
    if (h !== undefined) {
      ev = (get) => {
        const a = f!(get);
        if (a === null) return null;
        if (t0 && !t0.test(a)) wrong(0, a);
        const b = g!(get);
        if (b === null) return null;
        if (t1 && !t1.test(b)) wrong(1, b);
        const c = h(get);
        if (c === null) return null;
        if (t2 && !t2.test(c)) wrong(2, c);
        return fn(fail, a, b, c);
      };
    } else if (g !== undefined) {
      ev = (get) => {
        const a = f!(get);
        if (a === null) return null;
        if (t0 && !t0.test(a)) wrong(0, a);
        const b = g(get);
        if (b === null) return null;
        if (t1 && !t1.test(b)) wrong(1, b);
        return fn(fail, a, b, undefined);
      };
    } else {
      ev = (get) => {
        const a = f!(get);
        if (a === null) return null;
        if (t0 && !t0.test(a)) wrong(0, a);
        return fn(fail, a, undefined, undefined);
      };
    }
    return { type, ev, constant: false };
  };
}

/** The numeric argument's own type (abs, floor, ceil, round keep int as int and float as float). */
const sameAsFirst = (site: CallSite): StaticType => site.args[0]!.type;

const DAY_MS = 86_400_000;
const NUMERIC_TEXT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$/i;
const TRUE_TEXT = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_TEXT = new Set(['false', 'f', 'no', 'n', '0']);

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The UTC year, month (1–12) or day (1–31) of epoch milliseconds (civil_from_days). */
function civil(ms: number, part: 'year' | 'month' | 'day'): number {
  const z = Math.floor(ms / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  if (part === 'month') return month;
  if (part === 'day') return doy - Math.floor((153 * mp + 2) / 5) + 1;
  return yoe + era * 400 + (month <= 2 ? 1 : 0);
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** ISO-8601 date or date-time → epoch ms; no offset means UTC. Undefined when malformed or impossible. */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Half away from zero, like SQL; the EPSILON nudge makes round(1.005, 2) = 1.01 as written. */
function roundTo(x: number, digits: number): number {
  if (digits >= 0) {
    if (Number.isInteger(x)) return x;
    const f = 10 ** digits;
    const scaled = Math.abs(x) * f * (1 + Number.EPSILON);
    if (!Number.isFinite(scaled)) return x;
    return (Math.sign(x) * Math.round(scaled)) / f + 0;
  }
  const f = 10 ** -digits;
  return Math.sign(x) * Math.round(Math.abs(x) / f) * f + 0;
}

function toInt(fail: Fail, v: Value): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  let n: number;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!NUMERIC_TEXT.test(t)) fail('bad-cast', `cannot cast ${show(v)} to int`, v);
    n = Number(t);
  } else {
    n = v as number;
  }
  const r = Math.trunc(n) + 0;
  if (!Number.isSafeInteger(r)) fail('bad-cast', `cannot cast ${show(v)} to int: beyond 2^53`, v);
  return r;
}

function toFloat(fail: Fail, v: Value): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const t = (v as string).trim();
  const n = NUMERIC_TEXT.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) fail('bad-cast', `cannot cast ${show(v)} to float`, v);
  return n;
}

function toBool(fail: Fail, v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const t = (v as string).trim().toLowerCase();
  if (TRUE_TEXT.has(t)) return true;
  if (FALSE_TEXT.has(t)) return false;
  return fail('bad-cast', `cannot cast ${show(v)} to bool`, v);
}

function toTimestamp(fail: Fail, v: Value): number {
  if (typeof v === 'string') {
    const ms = parseTimestamp(v);
    if (ms === undefined || Math.abs(ms) > MAX_EPOCH_MS) fail('bad-cast', `cannot cast ${show(v)} to timestamp: expected ISO-8601 like "2024-01-02T03:04:05Z"`, v);
    return ms;
  }
  if (!Number.isInteger(v) || Math.abs(v as number) > MAX_EPOCH_MS) fail('bad-cast', `cannot cast ${show(v)} to timestamp: expected epoch milliseconds`, v);
  return v as number;
}

function matchesBuild(site: CallSite): Compiled {
  checkArgs(site, [STRING, STRING, STRING]);
  const constantText = (i: number, what: string): string => {
    const arg = site.args[i]!;
    if (!arg.constant || typeof arg.value !== 'string') site.raise('bad-regex', site.argPos[i]!, `matches() needs ${what} as a constant string`);
    return arg.value;
  };
  const pattern = constantText(1, 'its pattern');
  const flags = site.args.length > 2 ? constantText(2, 'its flags') : '';
  if (pattern.length > EXPRESSION_LIMITS.maxPatternLength) {
    site.raise('bad-regex', site.argPos[1]!, `pattern is ${pattern.length} characters long, over the limit of ${EXPRESSION_LIMITS.maxPatternLength}`);
  }
  if (!/^(?!.*(.).*\1)[ims]*$/.test(flags)) site.raise('bad-regex', site.argPos[2]!, `matches() flags must be among "i", "m", "s", each once; found ${show(flags)}`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, `u${flags}`);
  } catch (err) {
    return site.raise('bad-regex', site.argPos[1]!, `invalid regular expression ${show(pattern)}: ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`);
  }
  const f = site.args[0]!.ev;
  const check = site.args[0]!.type === 'any';
  const fail = makeFail(site);
  // No g or y flag, so test() keeps no lastIndex between rows.
  const ev: Eval = (get) => {
    const s = f(get);
    if (s === null) return null;
    if (check && typeof s !== 'string') fail('type', `matches() needs a string as argument 1, found ${show(s)}`, s);
    return re.test(s as string);
  };
  return { type: site.args[0]!.type === 'null' ? 'null' : 'bool', ev, constant: false };
}

/** min()/max(): null if any argument is null; all arguments of one kind. */
function extremeBuild(wantLess: boolean): FunctionSpec['build'] {
  return (site) => {
    checkArgs(site, [ORDERED]);
    let type: StaticType = site.args[0]!.type;
    site.args.forEach((arg, i) => {
      type = unify(type, arg.type) ?? site.raise('type', site.argPos[i]!, `${site.name}() mixes ${type} and ${arg.type}`);
    });
    if (site.args.some((a) => a.type === 'null')) type = 'null';
    const fs = site.args.map((a) => a.ev);
    const check = site.args.some((a) => a.type === 'any');
    const fail = makeFail(site);
    const ev: Eval = (get) => {
      let best = fs[0]!(get);
      if (best === null) return null;
      if (check && typeof best === 'boolean') fail('type', `${site.name}() needs ${ORDERED.what}, found ${show(best)}`, best);
      for (let i = 1; i < fs.length; i++) {
        const v = fs[i]!(get);
        if (v === null) return null;
        if (check && typeof v !== typeof best) fail('type', `${site.name}() cannot compare ${runtimeKind(best)} with ${runtimeKind(v)}`, v);
        if (wantLess ? (v as number) < (best as number) : (v as number) > (best as number)) best = v;
      }
      return best;
    };
    return { type, ev, constant: false };
  };
}

function ifBuild(site: CallSite): Compiled {
  const [cond, then, otherwise] = site.args as [Compiled, Compiled, Compiled];
  if (cond.type !== 'bool' && cond.type !== 'null' && cond.type !== 'any') site.raise('type', site.argPos[0]!, `if() needs a bool as argument 1, found ${cond.type}`);
  const type = unify(then.type, otherwise.type);
  if (type === undefined) site.raise('type', site.argPos[2]!, `if() branches mix ${then.type} and ${otherwise.type}`);
  const c = cond.ev;
  const a = then.ev;
  const b = otherwise.ev;
  const check = cond.type === 'any';
  const fail = makeFail(site);
  // A null condition takes the else branch, as a filter drops a null row.
  const ev: Eval = (get) => {
    const v = c(get);
    if (v === true) return a(get);
    if (check && v !== null && v !== false) fail('type', `if() needs a bool as argument 1, found ${show(v)}`, v);
    return b(get);
  };
  return { type, ev, constant: false };
}

function stringBuild(site: CallSite): Compiled {
  checkArgs(site, [SCALAR]);
  const arg = site.args[0]!;
  const f = arg.ev;
  const text = arg.type === 'timestamp' ? isoText : plainText;
  const ev: Eval = (get) => {
    const v = f(get);
    return v === null ? null : text(v);
  };
  return { type: arg.type === 'null' ? 'null' : 'string', ev, constant: false };
}

const FUNCTION_LIST: FunctionSpec[] = [
  { name: 'lower', min: 1, max: 1, build: strict([STRING], 'string', (_f, s) => (s as string).toLowerCase()) },
  { name: 'upper', min: 1, max: 1, build: strict([STRING], 'string', (_f, s) => (s as string).toUpperCase()) },
  { name: 'trim', min: 1, max: 1, build: strict([STRING], 'string', (_f, s) => (s as string).trim()) },
  { name: 'length', min: 1, max: 1, build: strict([STRING], 'int', (_f, s) => codePointLength(s as string)) },
  {
    name: 'substr',
    min: 2,
    max: 3,
    build: strict([STRING, INT, INT], 'string', (fail, sv, startv, lenv) => {
      const s = sv as string;
      const chars = SURROGATE.test(s) ? Array.from(s) : undefined;
      const n = chars ? chars.length : s.length;
      const from = (startv as number) - 1;
      if (lenv !== undefined && (lenv as number) < 0) fail('bad-argument', `substr() length must not be negative, found ${lenv}`, lenv);
      const to = Math.min(n, lenv === undefined ? n : from + (lenv as number));
      const start = Math.max(0, from);
      if (to <= start) return '';
      return chars ? chars.slice(start, to).join('') : s.slice(start, to);
    }),
  },
  {
    name: 'replace',
    min: 3,
    max: 3,
    // Literal text, every occurrence; split/join so "$&" in the replacement means itself.
    build: strict([STRING, STRING, STRING], 'string', (_f, s, find, repl) => (find === '' ? s : (s as string).split(find as string).join(repl as string))),
  },
  { name: 'contains', min: 2, max: 2, build: strict([STRING, STRING], 'bool', (_f, s, sub) => (s as string).includes(sub as string)) },
  { name: 'startsWith', min: 2, max: 2, build: strict([STRING, STRING], 'bool', (_f, s, sub) => (s as string).startsWith(sub as string)) },
  { name: 'endsWith', min: 2, max: 2, build: strict([STRING, STRING], 'bool', (_f, s, sub) => (s as string).endsWith(sub as string)) },
  { name: 'matches', min: 2, max: 3, build: matchesBuild },
  { name: 'concat', min: 1, max: Infinity, build: (site) => concatenation(site.args) },
  { name: 'coalesce', min: 1, max: Infinity, build: (site) => site.compiler.coalesce(site.args, site.argPos.slice(1), 'coalesce()') },
  { name: 'if', min: 3, max: 3, build: ifBuild },
  { name: 'abs', min: 1, max: 1, build: strict([NUMBER_P], sameAsFirst, (_f, x) => Math.abs(x as number)) },
  {
    name: 'round',
    min: 1,
    max: 2,
    build: strict([NUMBER_P, INT], sameAsFirst, (fail, x, digits) => {
      const d = (digits ?? 0) as number;
      if (d < -15 || d > 15) fail('bad-argument', `round() digits must be between -15 and 15, found ${d}`, d);
      return roundTo(x as number, d);
    }),
  },
  { name: 'floor', min: 1, max: 1, build: strict([NUMBER_P], sameAsFirst, (_f, x) => Math.floor(x as number) + 0) },
  { name: 'ceil', min: 1, max: 1, build: strict([NUMBER_P], sameAsFirst, (_f, x) => Math.ceil(x as number) + 0) },
  { name: 'min', min: 1, max: Infinity, build: extremeBuild(true) },
  { name: 'max', min: 1, max: Infinity, build: extremeBuild(false) },
  { name: 'int', min: 1, max: 1, build: strict([SCALAR], 'int', (fail, v) => toInt(fail, v)) },
  { name: 'float', min: 1, max: 1, build: strict([SCALAR], 'float', (fail, v) => toFloat(fail, v)) },
  { name: 'string', min: 1, max: 1, build: stringBuild },
  { name: 'bool', min: 1, max: 1, build: strict([SCALAR], 'bool', (fail, v) => toBool(fail, v)) },
  { name: 'timestamp', min: 1, max: 1, build: strict([TIME_SOURCE], 'timestamp', (fail, v) => toTimestamp(fail, v)) },
  { name: 'year', min: 1, max: 1, build: strict([TIME], 'int', (_f, t) => civil(t as number, 'year')) },
  { name: 'month', min: 1, max: 1, build: strict([TIME], 'int', (_f, t) => civil(t as number, 'month')) },
  { name: 'day', min: 1, max: 1, build: strict([TIME], 'int', (_f, t) => civil(t as number, 'day')) },
  { name: 'hour', min: 1, max: 1, build: strict([TIME], 'int', (_f, t) => Math.floor((((t as number) % DAY_MS) + DAY_MS) % DAY_MS / 3_600_000)) },
  {
    name: 'daysBetween',
    min: 2,
    max: 2,
    // Calendar days (UTC dates) from a to b: 23:00 to 01:00 the next day is 1.
    build: strict([TIME, TIME], 'int', (_f, a, b) => Math.floor((b as number) / DAY_MS) - Math.floor((a as number) / DAY_MS)),
  },
];

/** By lower-cased name: a Map, so `constructor(x)` or `__proto__(x)` is simply an unknown function. */
const FUNCTIONS = new Map(FUNCTION_LIST.map((spec) => [spec.name.toLowerCase(), spec]));

/** The documented function names, for tooling and error messages. */
export const FUNCTION_NAMES: readonly string[] = FUNCTION_LIST.map((spec) => spec.name);
