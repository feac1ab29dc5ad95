// The Gospel engine of one thread: a vocabulary, a reused token layout and the feature passes over
// it. `analyze` handles one document (RAKE keywords); a batch goes through `TermTable` so that
// keywords are ranked by TF-IDF over every document of the batch.
import { rake, type TermTable } from './keywords.ts';
import { readability } from './readability.ts';
import * as scanner from './scanner.ts';
import { SentimentScorer } from './sentiment.ts';
import type { Analysis, AnalyzeOptions, Language, Section, Stats, Token } from './types.ts';
import { lexicon, Vocab } from './vocab.ts';
import { InvalidInputError } from '../errors.ts';

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { K_NUMBER, K_WORD, KIND_NAMES, Scan, scanText } = scanner;

export const DEFAULT_KEYWORDS = 10;
/** Keyword counts above this are refused: nobody reads 1,000 keywords, and it bounds the work. */
export const MAX_KEYWORDS = 100;

const SECTION_NAMES: readonly Section[] = ['tokens', 'stats', 'readability', 'sentiment', 'keywords', 'language'];
const DEFAULT_SECTIONS: readonly Section[] = ['stats', 'readability', 'sentiment', 'keywords', 'language'];

/** Texts that take every branch of the tokenizer and the sentiment rules (see the constructor). */
const WARM_UP = [
  "Dr. Smith said: \"Isn't it GREAT?!\" e.g. 3.5% of 1,234 users (see https://example.com/a?b=1, www.example.org). " +
    'Mail jane.doe+x@example.co.uk :-) <3 😀 👍🏽 ❤️ 東京 Привет... the kiss of death, kind of good, not bad at all, ' +
    'never so happy, at least fine, least good, but awful!!! 3rd-party well-known\r\n\r\nNew paragraph?? \ud800 end',
];

/** Options checked and filled in with defaults. */
export interface ResolvedOptions {
  sections: ReadonlySet<Section>;
  keywords: number;
  phrases: boolean;
}

/** Validates options; bad values are `BAD_USER_INPUT` errors naming the option. */
export function resolveOptions(options: AnalyzeOptions = {}): ResolvedOptions {
  const only = options.only ?? DEFAULT_SECTIONS;
  for (const s of only) {
    if (!SECTION_NAMES.includes(s)) {
      throw new InvalidInputError(`unknown analysis section "${String(s)}" (expected one of ${SECTION_NAMES.join(', ')})`, { option: 'only' });
    }
  }
  const keywords = options.keywords ?? DEFAULT_KEYWORDS;
  if (!Number.isInteger(keywords) || keywords < 0 || keywords > MAX_KEYWORDS) {
    throw new InvalidInputError(`keywords must be an integer from 0 to ${MAX_KEYWORDS}, got ${String(keywords)}`, { option: 'keywords' });
  }
  const maxPhraseWords = options.maxPhraseWords ?? 2;
  if (!Number.isInteger(maxPhraseWords) || maxPhraseWords < 1 || maxPhraseWords > 3) {
    throw new InvalidInputError(`maxPhraseWords must be 1, 2 or 3, got ${String(maxPhraseWords)}`, { option: 'maxPhraseWords' });
  }
  return { sections: new Set(only), keywords, phrases: maxPhraseWords > 1 };
}

/** Detects the language of a text; supplied once the language model is loaded. */
export type LanguageDetector = (text: string) => Language;

export class Gospel {
  readonly vocab = new Vocab();
  readonly scan = new Scan();
  private readonly sentiment = new SentimentScorer(this.vocab);
  private readonly emoticons: ReadonlySet<string>;
  private stamp = new Int32Array(1024);
  private stampValue = 0;

  constructor(private readonly detectLanguage?: LanguageDetector) {
    // Emoticons are the lexicon's entries that contain a character other than a letter.
    this.emoticons = new Set([...lexicon().keys()].filter((k) => /[^\p{L}]/u.test(k) && !/^[\p{L}'-]+$/u.test(k)));
    // Run every branch of the tokenizer and of the sentiment rules once before real input, so that
    // the optimizing compiler sees them all: otherwise the first URL, e-mail or emoji after
    // optimization throws the hot functions back to the interpreter, several times per run. V8
    // keeps no feedback for a function's first few calls (lazy feedback allocation), hence repeats.
    for (let round = 0; round < 12; round++) {
      for (const text of WARM_UP) {
        scanText(text, this.vocab, this.scan, this.emoticons);
        this.sentiment.score(this.scan);
      }
    }
  }

  /**
   * Analyses one document. Keywords come from RAKE (there is no corpus to weigh them against) unless
   * `terms` is given, in which case the document's terms join that batch table and keywords are left
   * for `TermTable.top` once the whole batch is known.
   */
  analyzeOne(text: string, options: ResolvedOptions, terms?: TermTable): Analysis {
    const scan = this.scan;
    scanText(text, this.vocab, scan, this.emoticons);
    const out: Analysis = {};
    const { sections } = options;
    if (sections.has('tokens')) {
      out.tokens = this.tokens();
      out.sentences = this.sentences();
    }
    if (sections.has('stats') || sections.has('readability')) {
      const { stats, syllables } = this.stats();
      if (sections.has('stats')) out.stats = stats;
      if (sections.has('readability')) out.readability = readability(stats.words, stats.sentences, syllables);
    }
    if (sections.has('sentiment')) out.sentiment = this.sentiment.score(scan);
    if (sections.has('keywords')) {
      if (terms) {
        terms.add(scan, options.phrases);
        out.keywordMethod = 'tfidf';
      } else {
        out.keywords = rake(scan, this.vocab, options.keywords, options.phrases);
        out.keywordMethod = 'rake';
      }
    }
    if (sections.has('language')) {
      if (!this.detectLanguage) throw new Error('gospel: language model not loaded; call prepareNlp() first');
      out.language = this.detectLanguage(text);
    }
    return out;
  }

  private stats(): { stats: Stats; syllables: number } {
    const scan = this.scan;
    const vocab = this.vocab;
    if (vocab.size > this.stamp.length) {
      let n = this.stamp.length;
      while (n < vocab.size) n *= 2;
      this.stamp = new Int32Array(n);
      this.stampValue = 0;
    }
    const mark = ++this.stampValue;
    let words = 0;
    let numbers = 0;
    let distinct = 0;
    let syllables = 0;
    for (let t = 0; t < scan.tokens; t++) {
      const kind = scan.kind[t];
      if (kind === K_WORD) {
        words++;
        const id = scan.id[t]!;
        if (id < 0) {
          distinct++;
          syllables += Math.max(1, Math.round((scan.end[t]! - scan.start[t]!) / 3));
        } else {
          syllables += vocab.syllablesOf(id);
          if (this.stamp[id] !== mark) {
            this.stamp[id] = mark;
            distinct++;
          }
        }
      } else if (kind === K_NUMBER) numbers++;
    }
    // Numbers count as words of one syllable each ("3 cats" has two words), as readability tools do.
    const total = words + numbers;
    syllables += numbers;
    const sentences = scan.sentences;
    return {
      stats: {
        characters: scan.characters,
        words: total,
        sentences,
        averageSentenceLength: sentences > 0 ? Math.round((total / sentences) * 100) / 100 : 0,
        lexicalDiversity: words > 0 ? Math.round((distinct / words) * 1e4) / 1e4 : 0,
        syllables,
      },
      syllables,
    };
  }

  private tokens(): Token[] {
    const scan = this.scan;
    const out: Token[] = [];
    let sentence = 0;
    for (let t = 0; t < scan.tokens; t++) {
      while (sentence < scan.sentences - 1 && t >= scan.sentEnd[sentence]!) sentence++;
      out.push({ text: scan.text.slice(scan.start[t], scan.end[t]), kind: KIND_NAMES[scan.kind[t]!]!, start: scan.start[t]!, sentence });
    }
    return out;
  }

  private sentences(): string[] {
    const scan = this.scan;
    const out: string[] = [];
    for (let s = 0; s < scan.sentences; s++) out.push(scan.text.slice(scan.start[scan.sentStart[s]!], scan.end[scan.sentEnd[s]! - 1]));
    return out;
  }
}
