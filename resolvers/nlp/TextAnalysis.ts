// The engine's Analysis as the API shows it: its lower-case labels and methods become enum values.
import type { SentimentResolvers, TextAnalysisResolvers } from '../__generated__/types';

export const TextAnalysis: TextAnalysisResolvers = {
  language: (a) => a.language ?? null,
  sentiment: (a) => a.sentiment ?? null,
  keywords: (a) => a.keywords ?? null,
  keywordMethod: (a) => (a.keywordMethod === 'tfidf' ? 'TFIDF' : a.keywordMethod === 'rake' ? 'RAKE' : null),
  readability: (a) => a.readability ?? null,
  stats: (a) => a.stats ?? null,
  sentences: (a) => a.sentences ?? null,
};

export const Sentiment: SentimentResolvers = {
  label: (s) => (s.label === 'positive' ? 'POSITIVE' : s.label === 'negative' ? 'NEGATIVE' : 'NEUTRAL'),
};
