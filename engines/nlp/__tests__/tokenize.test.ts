// Tokens, sentences and stats on the edge cases the tokenizer promises to handle.
import { analyze } from '../index.ts';

const tokens = (text: string) => analyze(text, { only: ['tokens'] }).tokens!.map((t) => `${t.kind}:${t.text}`);
const sentences = (text: string) => analyze(text, { only: ['tokens'] }).sentences!;
const stats = (text: string) => analyze(text, { only: ['stats'] }).stats!;

describe('tokens', () => {
  test('contractions, hyphenation, numbers and percentages stay whole', () => {
    expect(tokens("Don't re-use 1,234.56 or 50% — it's well-known.")).toEqual([
      "word:Don't", 'word:re-use', 'number:1,234.56', 'word:or', 'number:50%', 'punct:—', "word:it's", 'word:well-known', 'punct:.',
    ]);
    expect(tokens('don’t')).toEqual(['word:don’t']);
  });

  test('URLs and e-mail addresses are single tokens without trailing punctuation', () => {
    expect(tokens('See https://example.com/a?b=c&d=1, or www.example.org.')).toEqual([
      'word:See', 'url:https://example.com/a?b=c&d=1', 'punct:,', 'word:or', 'url:www.example.org', 'punct:.',
    ]);
    expect(tokens('Mail jane.doe+news@mail.example.co.uk today.')).toEqual(['word:Mail', 'email:jane.doe+news@mail.example.co.uk', 'word:today', 'punct:.']);
  });

  test('emoji with modifiers and ZWJ sequences, emoticons', () => {
    expect(tokens('ok 👍🏽 👨‍👩‍👧 ❤️ :-) <3 :D')).toEqual(['word:ok', 'emoji:👍🏽', 'emoji:👨‍👩‍👧', 'emoji:❤️', 'emoticon::-)', 'emoticon:<3', 'emoticon::D']);
  });

  test('scripts without spaces: one token per Han character; Cyrillic and Greek words', () => {
    expect(tokens('東京は大きい')).toHaveLength(6);
    expect(tokens('Привет, мир')).toEqual(['word:Привет', 'punct:,', 'word:мир']);
    expect(tokens('Καλημέρα κόσμε')).toEqual(['word:Καλημέρα', 'word:κόσμε']);
  });
});

describe('sentences', () => {
  test('abbreviations and initials do not end sentences', () => {
    expect(sentences('Dr. Smith met J. R. Jones, e.g. at 5 p.m. on Friday. They talked. Mrs. Jones left.')).toEqual([
      'Dr. Smith met J. R. Jones, e.g. at 5 p.m. on Friday.',
      'They talked.',
      'Mrs. Jones left.',
    ]);
  });

  test('! and ? end sentences; closing quotes stay with theirs; decimals and ellipses inside', () => {
    expect(sentences('He said "Stop!" Then he left. Really? Pi is 3.14... and that is it.')).toEqual([
      'He said "Stop!"',
      'Then he left.',
      'Really?',
      'Pi is 3.14... and that is it.',
    ]);
  });

  test('a blank line ends a sentence; a lowercase continuation does not', () => {
    expect(sentences('A heading\n\nThe text starts here. and goes on')).toEqual(['A heading', 'The text starts here. and goes on']);
  });

  test('CJK full stops', () => {
    expect(sentences('今日は晴れです。明日は雨です。')).toHaveLength(2);
  });
});

describe('stats', () => {
  test('counts characters as code points, words, sentences, diversity', () => {
    expect(stats('The cat saw the other cat. 😀')).toEqual({
      characters: 28,
      words: 6,
      sentences: 2,
      averageSentenceLength: 3,
      lexicalDiversity: 0.6667,
      syllables: 7,
    });
  });

  test('empty and junk input give zeros, never a throw', () => {
    expect(stats('')).toMatchObject({ characters: 0, words: 0, sentences: 0, averageSentenceLength: 0, lexicalDiversity: 0 });
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const result = analyze(junk, { only: ['stats', 'sentiment', 'keywords', 'readability'] });
    expect(result.stats!.characters).toBeGreaterThan(0);
    expect(result.sentiment!.compound).toBeGreaterThanOrEqual(-1);
    expect(analyze('\ud800 lone \udc00 surrogates', { only: ['stats'] }).stats!.words).toBe(2);
  });

  test('a 10 MB document is analysed in full', () => {
    const sentence = 'The quick brown fox jumps over the lazy dog and everyone is happy. ';
    const text = sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length));
    const result = analyze(text, { only: ['stats', 'sentiment', 'keywords'] });
    expect(result.stats!.sentences).toBe(Math.ceil((10 * 1024 * 1024) / sentence.length));
    expect(result.stats!.words).toBe(13 * result.stats!.sentences);
    expect(result.sentiment!.label).toBe('positive');
    expect(result.keywords!.map((k) => k.term)).toContain('quick brown fox');
  });
});
