// Gospel, Trebuchet's text-analytics engine: the public entry. A pure library (no GraphQL, no
// Prisma): tokens and sentences, stats, readability, VADER sentiment, TF-IDF/RAKE keywords,
// language detection, similarity and a worker-thread pool for large batches.
import { Gospel, resolveOptions, type LanguageDetector } from './engine.ts';
import { analyzeBatchOn } from './batch.ts';
// Static: the model itself loads only in loadLanguageModel() (a dynamic import of a .ts file fails under tsx's require hook).
import { detectLanguage, loadLanguageModel } from './language.ts';
import type { Analysis, AnalyzeOptions } from './types.ts';

export type * from './types.ts';
export { ALL_SECTIONS } from './types.ts';
export { supportedLanguages } from './language.ts';
export { DEFAULT_KEYWORDS, MAX_KEYWORDS, resolveOptions } from './engine.ts';
export { createNlpPool, NlpPool, WorkerFailure, type NlpPoolOptions, type ProgressListener } from './pool.ts';

let engine: Gospel | undefined;
let detector: LanguageDetector | undefined;

function instance(): Gospel {
  engine ??= new Gospel((text) => {
    if (!detector) throw new Error('gospel: language model not loaded; call prepareNlp() first');
    return detector(text);
  });
  return engine;
}

/** Loads the language model (once); needed before any analysis that includes `language`. */
export async function prepareNlp(): Promise<void> {
  if (detector) return;
  await loadLanguageModel();
  detector = detectLanguage;
}

/** Analyses one document; its keywords come from RAKE (no corpus to weigh them against). */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  return instance().analyzeOne(text, resolveOptions(options));
}

/** Analyses a batch on this thread; keywords are ranked by TF-IDF over the batch. */
export function analyzeBatch(texts: readonly string[], options?: AnalyzeOptions): Analysis[] {
  return analyzeBatchOn(instance(), texts, resolveOptions(options));
}

export {
  bandKeys, cosine, decodeSignature, encodeSignature, estimateJaccard, jaccard, LshIndex, MinHasher, shingles, shingleWords,
  textCosine, textJaccard, tfidfVectors,
} from './similarity.ts';
