// Public types of the Gospel text-analytics engine. Pure data: no GraphQL, no Prisma.

/** The sections `analyze` can compute; `only` restricts the work (and the output) to some. */
export type Section = 'tokens' | 'stats' | 'readability' | 'sentiment' | 'keywords' | 'language';

export const ALL_SECTIONS: readonly Section[] = ['stats', 'readability', 'sentiment', 'keywords', 'language'];

export interface AnalyzeOptions {
  /** Sections to compute. Default: every section except `tokens` (which is large). */
  only?: readonly Section[];
  /** Number of keywords per document. Default 10; 0 disables keywords. */
  keywords?: number;
  /** Longest keyphrase in words (1 = single words). Default 2. */
  maxPhraseWords?: number;
}

export interface Token {
  /** The token as written. */
  text: string;
  kind: TokenKind;
  /** UTF-16 offset of the first character in the input. */
  start: number;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

export type TokenKind = 'word' | 'number' | 'url' | 'email' | 'emoji' | 'emoticon' | 'punct' | 'symbol';

export interface Stats {
  characters: number;
  words: number;
  sentences: number;
  averageSentenceLength: number;
  /** Distinct words / words (type-token ratio), case-folded; 0 for no words. */
  lexicalDiversity: number;
  syllables: number;
}

export interface Readability {
  fleschReadingEase: number;
  fleschKincaidGrade: number;
}

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface Sentiment {
  /** VADER compound score in [-1, 1]. */
  compound: number;
  positive: number;
  negative: number;
  neutral: number;
  label: SentimentLabel;
}

export interface Keyword {
  term: string;
  score: number;
}

export interface Language {
  /** ISO 639-1 where one exists, else ISO 639-3; `und` when unknown. */
  code: string;
  /** In [0, 1]. */
  confidence: number;
}

export interface Analysis {
  tokens?: Token[];
  sentences?: string[];
  stats?: Stats;
  readability?: Readability;
  sentiment?: Sentiment;
  keywords?: Keyword[];
  /** How the keywords were ranked: TF-IDF against a batch, or RAKE for a lone document. */
  keywordMethod?: 'tfidf' | 'rake';
  language?: Language;
}
