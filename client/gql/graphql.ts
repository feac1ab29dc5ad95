/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How to add documents. */
export type AddDocumentsOptions = {
  /** Keywords stored per document: 0–100, default 10. */
  keywords?: number | null | undefined;
  /** Longest keyphrase in words: 1–3, default 2. */
  maxPhraseWords?: number | null | undefined;
  /** What to do with externalIds already in the collection. Default FAIL. */
  onDuplicate?: DuplicateExternalId | null | undefined;
};

/** A part of a text analysis; `only` restricts the work (and the answer) to some parts. */
export type AnalysisSection =
  /** Keywords and keyphrases with their scores. */
  | 'KEYWORDS'
  /** Detected language with a confidence. */
  | 'LANGUAGE'
  /** Flesch reading ease and Flesch–Kincaid grade. */
  | 'READABILITY'
  /** The text split into sentences. */
  | 'SENTENCES'
  /** VADER sentiment scores and label. */
  | 'SENTIMENT'
  /** Counts: characters, words, sentences, lexical diversity. */
  | 'STATS';

/** What to compute for a text. */
export type AnalyzeTextOptions = {
  /** Number of keywords to return: 0–100, default 10; 0 skips keyword extraction. */
  keywords?: number | null | undefined;
  /** Longest keyphrase in words: 1–3, default 2 (1 gives single words only). */
  maxPhraseWords?: number | null | undefined;
  /** Sections to compute; all of them when omitted. Sections left out come back null. */
  only?: Array<AnalysisSection> | null | undefined;
};

/** What to compute for an audio file. Every field is optional; the defaults follow librosa. */
export type AudioAnalysisOptions = {
  /** Features to compute; all of them when omitted. Features left out come back null. */
  features?: Array<AudioFeature> | null | undefined;
  /** Samples between the starts of consecutive frames: 1 to `nFft`. Default 512. */
  hopLength?: number | null | undefined;
  /** Mel scale. Default SLANEY. */
  melScale?: MelScale | null | undefined;
  /** STFT size in samples: a power of two from 64 to 65536. Default 2048. */
  nFft?: number | null | undefined;
  /** Mel bands: 1 to 512. Default 128. */
  nMels?: number | null | undefined;
  /** MFCC coefficients kept: 1 to `nMels`. Default 20. */
  nMfcc?: number | null | undefined;
  /** Fraction of the energy below the spectral rolloff frequency, strictly between 0 and 1. Default 0.85. */
  rolloffPercent?: number | null | undefined;
  /**
   * Seconds per point of the downsampled frame series (each point is the mean of its frames). Omitted: no series. Must
   * be over 0 and leave at most 100,000 points per channel.
   */
  seriesResolution?: number | null | undefined;
  /** Dynamic range kept when converting power to dB, below each channel's maximum, in dB; at least 0. Default 80. */
  topDb?: number | null | undefined;
  /**
   * How long the mutation waits for the analysis to finish before answering with the job as it is (RUNNING or
   * QUEUED), in seconds: 0 to 300. Default 10.
   */
  waitSeconds?: number | null | undefined;
  /** Window of each frame. Default HANN. */
  window?: AudioWindow | null | undefined;
};

/** How the samples of an audio file are encoded. */
export type AudioEncoding =
  /** IEEE floating point. */
  | 'FLOAT'
  /** Integer PCM. */
  | 'PCM';

/** A feature the audio engine can compute; `AudioAnalysisOptions.features` selects a subset. */
export type AudioFeature =
  /** Beat times. */
  | 'BEATS'
  /** Chroma: the energy of the 12 pitch classes C, C♯, D … B per frame, each frame scaled so its largest class is 1. */
  | 'CHROMA'
  /** Mel-frequency cepstral coefficients (DCT-II of the dB mel spectrogram), `nMfcc` per frame. */
  | 'MFCC'
  /** Onset times (where notes and hits start). */
  | 'ONSETS'
  /**
   * Onset strength: the increase of the dB mel spectrogram since the previous frame, averaged over bands (decreases
   * count as 0), in dB.
   */
  | 'ONSET_STRENGTH'
  /** Root-mean-square amplitude of each frame, linear (1 = full scale). */
  | 'RMS'
  /** Spectral bandwidth: the magnitude-weighted standard deviation of frequency around the centroid, in Hz. */
  | 'SPECTRAL_BANDWIDTH'
  /** Spectral centroid: the magnitude-weighted mean frequency of each frame, in Hz. */
  | 'SPECTRAL_CENTROID'
  /** Spectral flatness: geometric over arithmetic mean of the power spectrum, in [0, 1] (1 = white noise, near 0 = a pure tone). */
  | 'SPECTRAL_FLATNESS'
  /**
   * Spectral flux: the STFT magnitude's increase since the previous frame, summed over frequency bins (decreases count
   * as 0; linear magnitude, 0 for the first frame).
   */
  | 'SPECTRAL_FLUX'
  /** Spectral rolloff: the frequency below which `rolloffPercent` of each frame's energy lies, in Hz. */
  | 'SPECTRAL_ROLLOFF'
  /** Global tempo in beats per minute. */
  | 'TEMPO'
  /** Zero-crossing rate: the fraction of consecutive samples of each frame that change sign, in [0, 1]. */
  | 'ZCR';

/** What a RUNNING job is doing. */
export type AudioJobPhase =
  /** The frame pass: STFT and the per-frame features. */
  | 'FRAMES'
  /** Rhythm: tempogram, tempo, beats and onsets. */
  | 'RHYTHM'
  /** Storing the result. */
  | 'STORING';

/** Lifecycle of an audio analysis job. */
export type AudioJobStatus =
  /** Failed: `error` tells why. Final. */
  | 'FAILED'
  /** Waiting for a free analysis slot on the node that received the file. */
  | 'QUEUED'
  /** Being analysed; `progress` and `phase` tell how far it is. */
  | 'RUNNING'
  /** Done: `result` holds the analysis. */
  | 'SUCCEEDED';

/** Window applied to each STFT frame (periodic, as `scipy.signal.get_window` with `fftbins=True`). */
export type AudioWindow =
  /** Blackman window. */
  | 'BLACKMAN'
  /** Hamming window. */
  | 'HAMMING'
  /** Hann window. */
  | 'HANN';

/** A new model. */
export type CreateModelInput = {
  /** Free text. */
  description?: string | null | undefined;
  /** Unique name: lowercase letters, digits, `-`, `_`, `.`; starts with a letter or digit; at most 128 characters. */
  name: string;
  /** Initial labels. */
  tags?: Array<TagInput> | null | undefined;
  /** What the model does (free string). */
  task?: string | null | undefined;
};

/** The type of a field, declared or inferred from the first rows. */
export type DataFieldType =
  /** true or false. */
  | 'BOOL'
  /** Floating-point number. */
  | 'FLOAT'
  /** Whole number. */
  | 'INT'
  /** Text. */
  | 'STRING'
  /** Point in time; rows show it as an ISO-8601 string in UTC. */
  | 'TIMESTAMP';

/** What a data job does. */
export type DataJobKind =
  /** An `integrate` call. */
  | 'INTEGRATE'
  /** A `transform` call. */
  | 'TRANSFORM';

/** What a data job is doing. */
export type DataJobPhase =
  /** Finished: the last event. */
  | 'DONE'
  /** Failed: the last event; `error` tells why. */
  | 'FAILED'
  /** Integrate: joining a source. */
  | 'JOIN'
  /** Integrate: reading a source. */
  | 'LOAD'
  /** Integrate: resolving the fields several sources provide. */
  | 'RESOLVE'
  /** Transform: rows flowing through the pipeline. */
  | 'TRANSFORM'
  /** Writing the output. */
  | 'WRITE';

/** Lifecycle of a data job. A job runs within its mutation, from its start to its end. */
export type DataJobStatus =
  /**
   * Failed: `error` tells why. A job whose server stopped (restart or crash) before it finished is failed with
   * ENGINE_FAILURE when a server starts next (embedded) or within about a minute (Postgres).
   */
  | 'FAILED'
  /** Running; `phase`, `detail` and `rows` tell how far it is. */
  | 'RUNNING'
  /** Finished: `outputLocation` holds the output. */
  | 'SUCCEEDED';

/** What a data source is: a file of the data folder in one of three formats, or rows of the platform's own database. */
export type DataSourceKind =
  /** Comma-separated values (RFC 4180; the delimiter and header are options). */
  | 'CSV'
  /** One JSON array of objects. */
  | 'JSON'
  /** JSON Lines: one object per line. */
  | 'JSONL'
  /**
   * One read-only statement run on the platform's database: `location` is a SELECT (or WITH … SELECT, VALUES, TABLE),
   * at most 65,536 characters, run in a READ ONLY transaction with a statement timeout, so it can never write. Column
   * types come from the database: int2/int4/int8 → INT (values beyond ±2^53 are an error), numeric/real/double →
   * FLOAT, boolean → BOOL, date/timestamp/timestamptz → TIMESTAMP (timestamps without a zone taken as UTC), any other
   * type → STRING as Postgres prints it.
   */
  | 'QUERY'
  /**
   * A table or view of the platform's database: `location` is `name` or `schema.name`, each part a letter or "_"
   * followed by letters, digits, "_" or "$", taken as written (case-sensitive, quoted in the SQL). Read with
   * `SELECT *` in a READ ONLY transaction.
   */
  | 'TABLE';

/** How a data source's file is read. Every field is optional; TABLE and QUERY sources take none. */
export type DataSourceOptionsInput = {
  /** CSV only: one character other than a quote or a line break. Default ",". */
  delimiter?: string | null | undefined;
  /** CSV only: whether the first record names the fields (otherwise they are column_1, column_2, …). Default true. */
  header?: boolean | null | undefined;
  /**
   * Declared field types, an object of field name to "string", "int", "float", "bool" or "timestamp"; the other
   * fields' types are inferred from the first 1,000 rows.
   */
  types?: unknown;
};

/** Which documents to list. All given conditions must hold. */
export type DocumentFilter = {
  /** Having this keyword or keyphrase among its stored keywords (exact term, compared lower-cased). */
  keyword?: string | null | undefined;
  /** Detected language code, e.g. `en` (as in `DetectedLanguage.code`). */
  language?: string | null | undefined;
  /** Sentiment class. */
  sentimentLabel?: SentimentLabel | null | undefined;
};

/** A document to add. */
export type DocumentInput = {
  /** Your own key for the document: 1–256 characters, unique within the collection. Optional. */
  externalId?: string | null | undefined;
  /** The text: not blank, no NUL characters, at most the per-text limit (1 MiB of UTF-8 by default). */
  text: string;
};

/** What `addDocuments` does with a document whose `externalId` is already stored in the collection. */
export type DuplicateExternalId =
  /** Refuse the whole call with CONFLICT; nothing is stored. */
  | 'FAIL'
  /** Leave the stored document as it is and add the others (safe retries). */
  | 'SKIP';

/** Stage of an `addDocuments` call. */
export type IngestPhase =
  /** Analysing the texts; `processed` counts analysed documents. */
  | 'ANALYZING'
  /** Committed: every document is stored and visible. */
  | 'DONE'
  /** Failed: nothing was stored; `error` tells why. */
  | 'FAILED'
  /** Writing to the database, in one transaction; `processed` counts documents written (not yet visible). */
  | 'STORING';

/** How keywords were ranked. */
export type KeywordMethod =
  /** RAKE (word co-occurrence within the text) for a text analysed on its own (`analyzeText`, or `addDocuments` with one document). */
  | 'RAKE'
  /** TF-IDF against the other documents analysed in the same batch (`addDocuments` with two or more documents). */
  | 'TFIDF';

/** Mel scale of the mel filter bank. */
export type MelScale =
  /** The HTK formula `2595·log10(1 + f/700)`. */
  | 'HTK'
  /** Slaney's scale with area-normalised filters (librosa's default, `htk=False`). */
  | 'SLANEY';

/** Which models to list. All conditions must hold. */
export type ModelFilter = {
  /** Names starting with this prefix. */
  namePrefix?: string | null | undefined;
  /** Having this tag (key and value). */
  tag?: TagInput | null | undefined;
  /** Exactly this task. */
  task?: string | null | undefined;
};

/** How a model artifact is encoded. */
export type ModelFramework =
  /** Open Neural Network Exchange; validated by loading it with ONNX Runtime, signature read from it. */
  | 'ONNX'
  /** Anything else; not inspected. */
  | 'OTHER'
  /** PyTorch checkpoint (zip or pickle). */
  | 'PYTORCH'
  /** Hugging Face safetensors. */
  | 'SAFETENSORS'
  /** TensorFlow / Keras (HDF5 or SavedModel zip). */
  | 'TENSORFLOW';

/** Lifecycle state of a model version. */
export type ModelVersionStatus =
  /** Kept for history, not meant for serving. */
  | 'ARCHIVED'
  /** Registered and usable. */
  | 'READY';

/**
 * A new version of a model. Give the artifact as `artifact` (multipart upload) or as
 * `artifactBase64` (small artifacts only; see README for both limits), not both.
 */
export type RegisterModelVersionInput = {
  /** Artifact bytes as a multipart upload. */
  artifact?: File | Blob | null | undefined;
  /** Artifact bytes as base64. */
  artifactBase64?: string | null | undefined;
  /** Free text. */
  description?: string | null | undefined;
  /** Framework of the artifact; ONNX artifacts are loaded and their signature read. */
  framework: ModelFramework;
  /** Free metadata as a JSON object. */
  metadata?: unknown;
  /** Metrics as a JSON object. */
  metrics?: unknown;
  /** Name of an existing model. */
  model: string;
  /** An existing version of the same model this one derives from. */
  parentVersion?: number | null | undefined;
  /** The run that produced this version. */
  sourceRun?: string | null | undefined;
  /** Initial labels. */
  tags?: Array<TagInput> | null | undefined;
};

/** What happened in the registry. */
export type RegistryEventType =
  /** An alias was deleted. */
  | 'ALIAS_DELETED'
  /** An alias was set or moved. */
  | 'ALIAS_MOVED'
  /** A model was created. */
  | 'MODEL_CREATED'
  /** A model was deleted. */
  | 'MODEL_DELETED'
  /** A model's description or task changed. */
  | 'MODEL_UPDATED'
  /** Tags changed on a model or version. */
  | 'TAGS_CHANGED'
  /** A version was registered. */
  | 'VERSION_REGISTERED';

/** Sentiment class, from the VADER compound score: POSITIVE at 0.05 and above, NEGATIVE at −0.05 and below, NEUTRAL between. */
export type SentimentLabel =
  /** Compound score ≤ −0.05. */
  | 'NEGATIVE'
  /** Compound score strictly between −0.05 and 0.05. */
  | 'NEUTRAL'
  /** Compound score ≥ 0.05. */
  | 'POSITIVE';

/** Labels to change on a model, or on one of its versions when `version` is given. */
export type SetTagsInput = {
  /** Model name. */
  model: string;
  /** When true, tags not listed are removed. */
  replace?: boolean | null | undefined;
  /** Tags to set; a null value removes that key. */
  tags: Array<TagInput>;
  /** Version number; omit to tag the model itself. */
  version?: number | null | undefined;
};

/** A key/value label to set. A null `value` removes the key. */
export type TagInput = {
  /** The key: 1–128 characters. */
  key: string;
  /** The value (up to 1024 characters); null removes the key. */
  value?: string | null | undefined;
};

/** Changes to a model; omitted fields stay as they are, null clears description or task. */
export type UpdateModelInput = {
  /** New description. */
  description?: string | null | undefined;
  /** The model to change. */
  name: string;
  /** New task. */
  task?: string | null | undefined;
};

export type ModelSummaryFragment = { id: string, name: string, description: string | null, task: string | null, createdAt: string, updatedAt: string, versionCount: number, tags: Array<{ key: string, value: string }> };

export type ModelVersionFieldsFragment = { id: string, version: number, framework: ModelFramework, status: ModelVersionStatus, sha256: string, size: number, storageUri: string, description: string | null, metrics: unknown, metadata: unknown, sourceRun: string | null, parentVersion: number | null, createdAt: string, aliases: Array<string>, tags: Array<{ key: string, value: string }>, signature: { inputs: Array<{ name: string, type: string, shape: Array<string> }>, outputs: Array<{ name: string, type: string, shape: Array<string> }> } | null };

export type ListModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListModelsQuery = { models: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, description: string | null, task: string | null, createdAt: string, updatedAt: string, versionCount: number, aliases: Array<{ name: string, version: { version: number } }>, tags: Array<{ key: string, value: string }> } }> } };

export type ModelsWithVersionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  versions?: number | null | undefined;
}>;


export type ModelsWithVersionsQuery = { models: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, task: string | null, tags: Array<{ key: string, value: string }>, aliases: Array<{ name: string, updatedAt: string, version: { version: number } }>, versions: { edges: Array<{ node: { id: string, version: number, framework: ModelFramework, sha256: string, size: number, createdAt: string, metrics: unknown } }> } } }> } };

export type ShowModelQueryVariables = Exact<{
  name: string;
}>;


export type ShowModelQuery = { model: { id: string, name: string, description: string | null, task: string | null, createdAt: string, updatedAt: string, versionCount: number, aliases: Array<{ name: string, updatedAt: string, version: { version: number } }>, versions: { edges: Array<{ node: { id: string, version: number, framework: ModelFramework, status: ModelVersionStatus, sha256: string, size: number, storageUri: string, description: string | null, metrics: unknown, metadata: unknown, sourceRun: string | null, parentVersion: number | null, createdAt: string, aliases: Array<string>, tags: Array<{ key: string, value: string }>, signature: { inputs: Array<{ name: string, type: string, shape: Array<string> }>, outputs: Array<{ name: string, type: string, shape: Array<string> }> } | null } }> }, tags: Array<{ key: string, value: string }> } | null };

export type CreateModelMutationVariables = Exact<{
  input: CreateModelInput;
}>;


export type CreateModelMutation = { createModel: { id: string, name: string, description: string | null, task: string | null, createdAt: string, updatedAt: string, versionCount: number, tags: Array<{ key: string, value: string }> } };

export type RegisterModelVersionMutationVariables = Exact<{
  input: RegisterModelVersionInput;
}>;


export type RegisterModelVersionMutation = { registerModelVersion: { id: string, version: number, framework: ModelFramework, status: ModelVersionStatus, sha256: string, size: number, storageUri: string, description: string | null, metrics: unknown, metadata: unknown, sourceRun: string | null, parentVersion: number | null, createdAt: string, aliases: Array<string>, model: { name: string }, tags: Array<{ key: string, value: string }>, signature: { inputs: Array<{ name: string, type: string, shape: Array<string> }>, outputs: Array<{ name: string, type: string, shape: Array<string> }> } | null } };

export type SetModelAliasMutationVariables = Exact<{
  model: string;
  alias: string;
  version: number;
  note?: string | null | undefined;
}>;


export type SetModelAliasMutation = { setModelAlias: { id: string, version: number, aliases: Array<string> } };

export type RegistryEventsSubscriptionVariables = Exact<{
  model?: string | null | undefined;
}>;


export type RegistryEventsSubscription = { registryEvents: { type: RegistryEventType, modelName: string, version: number | null, alias: string | null, fromVersion: number | null, at: string, model: { name: string, versionCount: number } | null } };

export type TextAnalysisFieldsFragment = { keywordMethod: KeywordMethod | null, sentences: Array<string> | null, language: { code: string, confidence: number } | null, sentiment: { compound: number, positive: number, negative: number, neutral: number, label: SentimentLabel } | null, keywords: Array<{ term: string, score: number }> | null, readability: { fleschReadingEase: number, fleschKincaidGrade: number } | null, stats: { characters: number, words: number, sentences: number, averageSentenceLength: number, lexicalDiversity: number } | null };

export type DocumentFieldsFragment = { id: string, externalId: string | null, text: string, createdAt: string, collection: { name: string }, analysis: { keywordMethod: KeywordMethod | null, sentences: Array<string> | null, language: { code: string, confidence: number } | null, sentiment: { compound: number, positive: number, negative: number, neutral: number, label: SentimentLabel } | null, keywords: Array<{ term: string, score: number }> | null, readability: { fleschReadingEase: number, fleschKincaidGrade: number } | null, stats: { characters: number, words: number, sentences: number, averageSentenceLength: number, lexicalDiversity: number } | null } };

export type AnalyzeTextQueryVariables = Exact<{
  text: string;
  options?: AnalyzeTextOptions | null | undefined;
}>;


export type AnalyzeTextQuery = { analyzeText: { keywordMethod: KeywordMethod | null, sentences: Array<string> | null, language: { code: string, confidence: number } | null, sentiment: { compound: number, positive: number, negative: number, neutral: number, label: SentimentLabel } | null, keywords: Array<{ term: string, score: number }> | null, readability: { fleschReadingEase: number, fleschKincaidGrade: number } | null, stats: { characters: number, words: number, sentences: number, averageSentenceLength: number, lexicalDiversity: number } | null } };

export type AddDocumentsMutationVariables = Exact<{
  collection: string;
  documents: Array<DocumentInput> | DocumentInput;
  options?: AddDocumentsOptions | null | undefined;
}>;


export type AddDocumentsMutation = { addDocuments: { ingestId: string, added: number, skipped: number, collection: { id: string, name: string, documentCount: number }, documents: Array<{ id: string, externalId: string | null, text: string, createdAt: string, collection: { name: string }, analysis: { keywordMethod: KeywordMethod | null, sentences: Array<string> | null, language: { code: string, confidence: number } | null, sentiment: { compound: number, positive: number, negative: number, neutral: number, label: SentimentLabel } | null, keywords: Array<{ term: string, score: number }> | null, readability: { fleschReadingEase: number, fleschKincaidGrade: number } | null, stats: { characters: number, words: number, sentences: number, averageSentenceLength: number, lexicalDiversity: number } | null } }> } };

export type DocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentQuery = { document: { id: string, externalId: string | null, text: string, createdAt: string, collection: { name: string }, analysis: { keywordMethod: KeywordMethod | null, sentences: Array<string> | null, language: { code: string, confidence: number } | null, sentiment: { compound: number, positive: number, negative: number, neutral: number, label: SentimentLabel } | null, keywords: Array<{ term: string, score: number }> | null, readability: { fleschReadingEase: number, fleschKincaidGrade: number } | null, stats: { characters: number, words: number, sentences: number, averageSentenceLength: number, lexicalDiversity: number } | null } } | null };

export type DocumentsQueryVariables = Exact<{
  collection: string;
  filter?: DocumentFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DocumentsQuery = { documents: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalId: string | null, analysis: { language: { code: string } | null, sentiment: { label: SentimentLabel, compound: number } | null, keywords: Array<{ term: string }> | null } } }> } };

export type SimilarDocumentsQueryVariables = Exact<{
  id: string | number;
  k?: number | null | undefined;
  minSimilarity?: number | null | undefined;
}>;


export type SimilarDocumentsQuery = { similarDocuments: Array<{ similarity: number, document: { id: string, externalId: string | null, collection: { name: string } } }> };

export type DocumentCollectionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DocumentCollectionsQuery = { documentCollections: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, documentCount: number, createdAt: string, updatedAt: string } }> } };

export type RemoveDocumentCollectionMutationVariables = Exact<{
  name: string;
}>;


export type RemoveDocumentCollectionMutation = { removeDocumentCollection: { name: string, removedDocuments: number } };

export type DocumentIngestProgressSubscriptionVariables = Exact<{
  collection: string;
}>;


export type DocumentIngestProgressSubscription = { documentIngestProgress: { collection: string, ingestId: string, phase: IngestPhase, processed: number, total: number, error: string | null, at: string } };

export type AudioAnalysisJobFieldsFragment = { id: string, status: AudioJobStatus, progress: number, phase: AudioJobPhase | null, fileName: string, createdAt: string, startedAt: string | null, finishedAt: string | null, format: { encoding: AudioEncoding, bitsPerSample: number, channels: number, sampleRate: number, frames: number }, error: { code: string, message: string } | null };

export type AudioAnalysisFieldsFragment = { sampleRate: number, durationSeconds: number, frameCount: number, parameters: { features: Array<AudioFeature>, nFft: number, hopLength: number, window: AudioWindow, nMels: number, melScale: MelScale, nMfcc: number, rolloffPercent: number, topDb: number, seriesResolution: number | null, threads: number }, channels: Array<{ index: number, tempoBpm: number | null, beatCount: number, onsetCount: number, loudnessDbfs: number | null, peakDbfs: number | null, features: { spectralCentroid: { mean: number, std: number, min: number, max: number } | null, spectralBandwidth: { mean: number, std: number, min: number, max: number } | null, spectralRolloff: { mean: number, std: number, min: number, max: number } | null, spectralFlatness: { mean: number, std: number, min: number, max: number } | null, spectralFlux: { mean: number, std: number, min: number, max: number } | null, rms: { mean: number, std: number, min: number, max: number } | null, zcr: { mean: number, std: number, min: number, max: number } | null, onsetStrength: { mean: number, std: number, min: number, max: number } | null, mfcc: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null, chroma: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null }, series: { times: Array<number>, spectralCentroid: Array<number> | null, spectralBandwidth: Array<number> | null, spectralRolloff: Array<number> | null, spectralFlatness: Array<number> | null, spectralFlux: Array<number> | null, rms: Array<number> | null, zcr: Array<number> | null, onsetStrength: Array<number> | null, mfcc: Array<Array<number>> | null, chroma: Array<Array<number>> | null, beatTimes: Array<number> | null, onsetTimes: Array<number> | null } | null }> };

export type AnalyzeAudioMutationVariables = Exact<{
  file: File | Blob;
  options?: AudioAnalysisOptions | null | undefined;
}>;


export type AnalyzeAudioMutation = { analyzeAudio: { id: string, status: AudioJobStatus, progress: number, phase: AudioJobPhase | null, fileName: string, createdAt: string, startedAt: string | null, finishedAt: string | null, result: { sampleRate: number, durationSeconds: number, frameCount: number, parameters: { features: Array<AudioFeature>, nFft: number, hopLength: number, window: AudioWindow, nMels: number, melScale: MelScale, nMfcc: number, rolloffPercent: number, topDb: number, seriesResolution: number | null, threads: number }, channels: Array<{ index: number, tempoBpm: number | null, beatCount: number, onsetCount: number, loudnessDbfs: number | null, peakDbfs: number | null, features: { spectralCentroid: { mean: number, std: number, min: number, max: number } | null, spectralBandwidth: { mean: number, std: number, min: number, max: number } | null, spectralRolloff: { mean: number, std: number, min: number, max: number } | null, spectralFlatness: { mean: number, std: number, min: number, max: number } | null, spectralFlux: { mean: number, std: number, min: number, max: number } | null, rms: { mean: number, std: number, min: number, max: number } | null, zcr: { mean: number, std: number, min: number, max: number } | null, onsetStrength: { mean: number, std: number, min: number, max: number } | null, mfcc: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null, chroma: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null }, series: { times: Array<number>, spectralCentroid: Array<number> | null, spectralBandwidth: Array<number> | null, spectralRolloff: Array<number> | null, spectralFlatness: Array<number> | null, spectralFlux: Array<number> | null, rms: Array<number> | null, zcr: Array<number> | null, onsetStrength: Array<number> | null, mfcc: Array<Array<number>> | null, chroma: Array<Array<number>> | null, beatTimes: Array<number> | null, onsetTimes: Array<number> | null } | null }> } | null, format: { encoding: AudioEncoding, bitsPerSample: number, channels: number, sampleRate: number, frames: number }, error: { code: string, message: string } | null } };

export type AudioAnalysisJobQueryVariables = Exact<{
  id: string | number;
}>;


export type AudioAnalysisJobQuery = { audioAnalysisJob: { id: string, status: AudioJobStatus, progress: number, phase: AudioJobPhase | null, fileName: string, createdAt: string, startedAt: string | null, finishedAt: string | null, result: { sampleRate: number, durationSeconds: number, frameCount: number, parameters: { features: Array<AudioFeature>, nFft: number, hopLength: number, window: AudioWindow, nMels: number, melScale: MelScale, nMfcc: number, rolloffPercent: number, topDb: number, seriesResolution: number | null, threads: number }, channels: Array<{ index: number, tempoBpm: number | null, beatCount: number, onsetCount: number, loudnessDbfs: number | null, peakDbfs: number | null, features: { spectralCentroid: { mean: number, std: number, min: number, max: number } | null, spectralBandwidth: { mean: number, std: number, min: number, max: number } | null, spectralRolloff: { mean: number, std: number, min: number, max: number } | null, spectralFlatness: { mean: number, std: number, min: number, max: number } | null, spectralFlux: { mean: number, std: number, min: number, max: number } | null, rms: { mean: number, std: number, min: number, max: number } | null, zcr: { mean: number, std: number, min: number, max: number } | null, onsetStrength: { mean: number, std: number, min: number, max: number } | null, mfcc: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null, chroma: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null }, series: { times: Array<number>, spectralCentroid: Array<number> | null, spectralBandwidth: Array<number> | null, spectralRolloff: Array<number> | null, spectralFlatness: Array<number> | null, spectralFlux: Array<number> | null, rms: Array<number> | null, zcr: Array<number> | null, onsetStrength: Array<number> | null, mfcc: Array<Array<number>> | null, chroma: Array<Array<number>> | null, beatTimes: Array<number> | null, onsetTimes: Array<number> | null } | null }> } | null, format: { encoding: AudioEncoding, bitsPerSample: number, channels: number, sampleRate: number, frames: number }, error: { code: string, message: string } | null } };

export type AudioAnalysisProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type AudioAnalysisProgressSubscription = { audioAnalysisProgress: { id: string, status: AudioJobStatus, progress: number, phase: AudioJobPhase | null, fileName: string, createdAt: string, startedAt: string | null, finishedAt: string | null, result: { sampleRate: number, durationSeconds: number, frameCount: number, parameters: { features: Array<AudioFeature>, nFft: number, hopLength: number, window: AudioWindow, nMels: number, melScale: MelScale, nMfcc: number, rolloffPercent: number, topDb: number, seriesResolution: number | null, threads: number }, channels: Array<{ index: number, tempoBpm: number | null, beatCount: number, onsetCount: number, loudnessDbfs: number | null, peakDbfs: number | null, features: { spectralCentroid: { mean: number, std: number, min: number, max: number } | null, spectralBandwidth: { mean: number, std: number, min: number, max: number } | null, spectralRolloff: { mean: number, std: number, min: number, max: number } | null, spectralFlatness: { mean: number, std: number, min: number, max: number } | null, spectralFlux: { mean: number, std: number, min: number, max: number } | null, rms: { mean: number, std: number, min: number, max: number } | null, zcr: { mean: number, std: number, min: number, max: number } | null, onsetStrength: { mean: number, std: number, min: number, max: number } | null, mfcc: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null, chroma: { mean: Array<number>, std: Array<number>, min: Array<number>, max: Array<number> } | null }, series: { times: Array<number>, spectralCentroid: Array<number> | null, spectralBandwidth: Array<number> | null, spectralRolloff: Array<number> | null, spectralFlatness: Array<number> | null, spectralFlux: Array<number> | null, rms: Array<number> | null, zcr: Array<number> | null, onsetStrength: Array<number> | null, mfcc: Array<Array<number>> | null, chroma: Array<Array<number>> | null, beatTimes: Array<number> | null, onsetTimes: Array<number> | null } | null }> } | null, format: { encoding: AudioEncoding, bitsPerSample: number, channels: number, sampleRate: number, frames: number }, error: { code: string, message: string } | null } };

export type DataSourceFieldsFragment = { id: string, name: string, kind: DataSourceKind, location: string, createdAt: string, options: { delimiter: string | null, header: boolean | null, types: unknown } };

export type DataSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type DataSourcesQuery = { dataSources: Array<{ id: string, name: string, kind: DataSourceKind, location: string, createdAt: string, options: { delimiter: string | null, header: boolean | null, types: unknown } }> };

export type DataSourceQueryVariables = Exact<{
  name: string;
}>;


export type DataSourceQuery = { dataSource: { id: string, name: string, kind: DataSourceKind, location: string, createdAt: string, options: { delimiter: string | null, header: boolean | null, types: unknown } } };

export type PreviewDataSourceQueryVariables = Exact<{
  name: string;
  limit?: number | null | undefined;
}>;


export type PreviewDataSourceQuery = { previewDataSource: { rows: Array<unknown>, source: { name: string }, fields: Array<{ name: string, type: DataFieldType }> } };

export type RegisterDataSourceMutationVariables = Exact<{
  name: string;
  kind: DataSourceKind;
  location: string;
  options?: DataSourceOptionsInput | null | undefined;
}>;


export type RegisterDataSourceMutation = { registerDataSource: { id: string, name: string, kind: DataSourceKind, location: string, createdAt: string, options: { delimiter: string | null, header: boolean | null, types: unknown } } };

export type RemoveDataSourceMutationVariables = Exact<{
  name: string;
}>;


export type RemoveDataSourceMutation = { removeDataSource: { id: string, name: string, kind: DataSourceKind, location: string, createdAt: string, options: { delimiter: string | null, header: boolean | null, types: unknown } } };

export type IntegrateMutationVariables = Exact<{
  config: string;
  jobId?: string | number | null | undefined;
}>;


export type IntegrateMutation = { integrate: { jobId: string, outputLocation: string, rowCount: number, firstRows: Array<unknown>, report: unknown, fields: Array<{ name: string, type: DataFieldType }> } };

export type TransformMutationVariables = Exact<{
  pipeline: string;
  source: string;
  jobId?: string | number | null | undefined;
}>;


export type TransformMutation = { transform: { jobId: string, outputLocation: string, rowCount: number, firstRows: Array<unknown>, fields: Array<{ name: string, type: DataFieldType }>, steps: Array<{ step: number, kind: string, rowsIn: number, rowsOut: number, ms: number }> } };

export type DataJobProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type DataJobProgressSubscription = { dataJobProgress: { jobId: string, phase: DataJobPhase, detail: string, rows: number, done: boolean, error: { code: string, message: string } | null } };

export type TestAudioNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TestAudioNodeQuery = { node:
    | { __typename: 'AudioAnalysisJob', status: AudioJobStatus, fileName: string, id: string }
    | { __typename: 'DataSource', id: string }
    | { __typename: 'Document', id: string }
    | { __typename: 'DocumentCollection', id: string }
    | { __typename: 'Model', id: string }
    | { __typename: 'ModelVersion', id: string }
   | null };

export type TestDataNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TestDataNodeQuery = { node:
    | { __typename: 'AudioAnalysisJob', id: string }
    | { __typename: 'DataSource', name: string, kind: DataSourceKind, id: string }
    | { __typename: 'Document', id: string }
    | { __typename: 'DocumentCollection', id: string }
    | { __typename: 'Model', id: string }
    | { __typename: 'ModelVersion', id: string }
   | null };

export type TestDataJobQueryVariables = Exact<{
  id: string | number;
}>;


export type TestDataJobQuery = { dataJob: { id: string, kind: DataJobKind, status: DataJobStatus, phase: DataJobPhase, detail: string, rows: number, source: string | null, outputLocation: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, error: { code: string, message: string } | null } };

export type TestRetentionDataJobQueryVariables = Exact<{
  id: string | number;
}>;


export type TestRetentionDataJobQuery = { dataJob: { id: string, status: DataJobStatus } };

export type TestDocumentCollectionQueryVariables = Exact<{
  name: string;
}>;


export type TestDocumentCollectionQuery = { documentCollection: { name: string, documentCount: number } | null };

export type TestNlpNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TestNlpNodeQuery = { node:
    | { __typename: 'AudioAnalysisJob', id: string }
    | { __typename: 'DataSource', id: string }
    | { __typename: 'Document', text: string, id: string }
    | { __typename: 'DocumentCollection', name: string, id: string }
    | { __typename: 'Model', id: string }
    | { __typename: 'ModelVersion', id: string }
   | null };

export type TestModelQueryVariables = Exact<{
  name: string;
  at?: string | null | undefined;
  alias: string;
}>;


export type TestModelQuery = { model: { id: string, name: string, versionCount: number, tags: Array<{ key: string, value: string }>, latestVersion: { version: number } | null, aliases: Array<{ name: string, version: { version: number } }>, alias: { version: number } | null, aliasHistory: Array<{ alias: string, fromVersion: number | null, toVersion: number | null, note: string | null, at: string }> } | null };

export type TestModelVersionQueryVariables = Exact<{
  model: string;
  version?: number | null | undefined;
  alias?: string | null | undefined;
}>;


export type TestModelVersionQuery = { modelVersion: { id: string, version: number, sha256: string, aliases: Array<string>, tags: Array<{ key: string, value: string }> } | null };

export type TestModelsPageQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestModelsPageQuery = { models: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { name: string } }> } };

export type TestNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TestNodeQuery = { node:
    | { __typename: 'AudioAnalysisJob', id: string }
    | { __typename: 'DataSource', id: string }
    | { __typename: 'Document', id: string }
    | { __typename: 'DocumentCollection', id: string }
    | { __typename: 'Model', name: string, id: string }
    | { __typename: 'ModelVersion', version: number, id: string }
   | null };

export type TestDeleteModelMutationVariables = Exact<{
  name: string;
  force?: boolean | null | undefined;
}>;


export type TestDeleteModelMutation = { deleteModel: { name: string, deletedVersions: number } };

export type TestDeleteAliasMutationVariables = Exact<{
  model: string;
  alias: string;
}>;


export type TestDeleteAliasMutation = { deleteModelAlias: { version: number } };

export type TestSetTagsMutationVariables = Exact<{
  input: SetTagsInput;
}>;


export type TestSetTagsMutation = { setTags: { tags: Array<{ key: string, value: string }>, modelVersion: { version: number } | null } };

export type TestUpdateModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type TestUpdateModelMutation = { updateModel: { description: string | null, task: string | null } };

export const ModelSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}}]}}]} as unknown as DocumentNode<ModelSummaryFragment, unknown>;
export const ModelVersionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRun"}},{"kind":"Field","name":{"kind":"Name","value":"parentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"signature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}}]}}]} as unknown as DocumentNode<ModelVersionFieldsFragment, unknown>;
export const TextAnalysisFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}},{"kind":"Field","name":{"kind":"Name","value":"neutral"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywordMethod"}},{"kind":"Field","name":{"kind":"Name","value":"readability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleschReadingEase"}},{"kind":"Field","name":{"kind":"Name","value":"fleschKincaidGrade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"}},{"kind":"Field","name":{"kind":"Name","value":"words"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"averageSentenceLength"}},{"kind":"Field","name":{"kind":"Name","value":"lexicalDiversity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}}]}}]} as unknown as DocumentNode<TextAnalysisFieldsFragment, unknown>;
export const DocumentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"analysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextAnalysisFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}},{"kind":"Field","name":{"kind":"Name","value":"neutral"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywordMethod"}},{"kind":"Field","name":{"kind":"Name","value":"readability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleschReadingEase"}},{"kind":"Field","name":{"kind":"Name","value":"fleschKincaidGrade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"}},{"kind":"Field","name":{"kind":"Name","value":"words"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"averageSentenceLength"}},{"kind":"Field","name":{"kind":"Name","value":"lexicalDiversity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}}]}}]} as unknown as DocumentNode<DocumentFieldsFragment, unknown>;
export const AudioAnalysisJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"bitsPerSample"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"frames"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AudioAnalysisJobFieldsFragment, unknown>;
export const AudioAnalysisFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"frameCount"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"nFft"}},{"kind":"Field","name":{"kind":"Name","value":"hopLength"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"nMels"}},{"kind":"Field","name":{"kind":"Name","value":"melScale"}},{"kind":"Field","name":{"kind":"Name","value":"nMfcc"}},{"kind":"Field","name":{"kind":"Name","value":"rolloffPercent"}},{"kind":"Field","name":{"kind":"Name","value":"topDb"}},{"kind":"Field","name":{"kind":"Name","value":"seriesResolution"}},{"kind":"Field","name":{"kind":"Name","value":"threads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tempoBpm"}},{"kind":"Field","name":{"kind":"Name","value":"beatCount"}},{"kind":"Field","name":{"kind":"Name","value":"onsetCount"}},{"kind":"Field","name":{"kind":"Name","value":"loudnessDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"peakDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zcr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chroma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"times"}},{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"}},{"kind":"Field","name":{"kind":"Name","value":"rms"}},{"kind":"Field","name":{"kind":"Name","value":"zcr"}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"}},{"kind":"Field","name":{"kind":"Name","value":"chroma"}},{"kind":"Field","name":{"kind":"Name","value":"beatTimes"}},{"kind":"Field","name":{"kind":"Name","value":"onsetTimes"}}]}}]}}]}}]} as unknown as DocumentNode<AudioAnalysisFieldsFragment, unknown>;
export const DataSourceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<DataSourceFieldsFragment, unknown>;
export const ListModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}}]}}]} as unknown as DocumentNode<ListModelsQuery, ListModelsQueryVariables>;
export const ModelsWithVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelsWithVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versions"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ModelsWithVersionsQuery, ModelsWithVersionsQueryVariables>;
export const ShowModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShowModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRun"}},{"kind":"Field","name":{"kind":"Name","value":"parentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"signature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}}]}}]} as unknown as DocumentNode<ShowModelQuery, ShowModelQueryVariables>;
export const CreateModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}}]}}]} as unknown as DocumentNode<CreateModelMutation, CreateModelMutationVariables>;
export const RegisterModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionFields"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"storageUri"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRun"}},{"kind":"Field","name":{"kind":"Name","value":"parentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"signature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"shape"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterModelVersionMutation, RegisterModelVersionMutationVariables>;
export const SetModelAliasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetModelAlias"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alias"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModelAlias"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"alias"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alias"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}}]}}]}}]} as unknown as DocumentNode<SetModelAliasMutation, SetModelAliasMutationVariables>;
export const RegistryEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RegistryEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"fromVersion"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}}]}}]}}]}}]} as unknown as DocumentNode<RegistryEventsSubscription, RegistryEventsSubscriptionVariables>;
export const AnalyzeTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyzeText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyzeTextOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyzeText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextAnalysisFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}},{"kind":"Field","name":{"kind":"Name","value":"neutral"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywordMethod"}},{"kind":"Field","name":{"kind":"Name","value":"readability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleschReadingEase"}},{"kind":"Field","name":{"kind":"Name","value":"fleschKincaidGrade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"}},{"kind":"Field","name":{"kind":"Name","value":"words"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"averageSentenceLength"}},{"kind":"Field","name":{"kind":"Name","value":"lexicalDiversity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}}]}}]} as unknown as DocumentNode<AnalyzeTextQuery, AnalyzeTextQueryVariables>;
export const AddDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collection"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documents"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDocumentsOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDocuments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collection"}}},{"kind":"Argument","name":{"kind":"Name","value":"documents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documents"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestId"}},{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}},{"kind":"Field","name":{"kind":"Name","value":"neutral"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywordMethod"}},{"kind":"Field","name":{"kind":"Name","value":"readability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleschReadingEase"}},{"kind":"Field","name":{"kind":"Name","value":"fleschKincaidGrade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"}},{"kind":"Field","name":{"kind":"Name","value":"words"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"averageSentenceLength"}},{"kind":"Field","name":{"kind":"Name","value":"lexicalDiversity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"analysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextAnalysisFields"}}]}}]}}]} as unknown as DocumentNode<AddDocumentsMutation, AddDocumentsMutationVariables>;
export const DocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Document"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}},{"kind":"Field","name":{"kind":"Name","value":"neutral"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywordMethod"}},{"kind":"Field","name":{"kind":"Name","value":"readability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleschReadingEase"}},{"kind":"Field","name":{"kind":"Name","value":"fleschKincaidGrade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"}},{"kind":"Field","name":{"kind":"Name","value":"words"}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}},{"kind":"Field","name":{"kind":"Name","value":"averageSentenceLength"}},{"kind":"Field","name":{"kind":"Name","value":"lexicalDiversity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentences"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"analysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextAnalysisFields"}}]}}]}}]} as unknown as DocumentNode<DocumentQuery, DocumentQueryVariables>;
export const DocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Documents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collection"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collection"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"analysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"compound"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keywords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DocumentsQuery, DocumentsQueryVariables>;
export const SimilarDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SimilarDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"k"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minSimilarity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"similarDocuments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"k"},"value":{"kind":"Variable","name":{"kind":"Name","value":"k"}}},{"kind":"Argument","name":{"kind":"Name","value":"minSimilarity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minSimilarity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"similarity"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SimilarDocumentsQuery, SimilarDocumentsQueryVariables>;
export const DocumentCollectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentCollections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentCollections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DocumentCollectionsQuery, DocumentCollectionsQueryVariables>;
export const RemoveDocumentCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDocumentCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDocumentCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"removedDocuments"}}]}}]}}]} as unknown as DocumentNode<RemoveDocumentCollectionMutation, RemoveDocumentCollectionMutationVariables>;
export const DocumentIngestProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DocumentIngestProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collection"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentIngestProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collection"}},{"kind":"Field","name":{"kind":"Name","value":"ingestId"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<DocumentIngestProgressSubscription, DocumentIngestProgressSubscriptionVariables>;
export const AnalyzeAudioDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnalyzeAudio"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyzeAudio"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisJobFields"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"bitsPerSample"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"frames"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"frameCount"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"nFft"}},{"kind":"Field","name":{"kind":"Name","value":"hopLength"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"nMels"}},{"kind":"Field","name":{"kind":"Name","value":"melScale"}},{"kind":"Field","name":{"kind":"Name","value":"nMfcc"}},{"kind":"Field","name":{"kind":"Name","value":"rolloffPercent"}},{"kind":"Field","name":{"kind":"Name","value":"topDb"}},{"kind":"Field","name":{"kind":"Name","value":"seriesResolution"}},{"kind":"Field","name":{"kind":"Name","value":"threads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tempoBpm"}},{"kind":"Field","name":{"kind":"Name","value":"beatCount"}},{"kind":"Field","name":{"kind":"Name","value":"onsetCount"}},{"kind":"Field","name":{"kind":"Name","value":"loudnessDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"peakDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zcr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chroma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"times"}},{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"}},{"kind":"Field","name":{"kind":"Name","value":"rms"}},{"kind":"Field","name":{"kind":"Name","value":"zcr"}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"}},{"kind":"Field","name":{"kind":"Name","value":"chroma"}},{"kind":"Field","name":{"kind":"Name","value":"beatTimes"}},{"kind":"Field","name":{"kind":"Name","value":"onsetTimes"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyzeAudioMutation, AnalyzeAudioMutationVariables>;
export const AudioAnalysisJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AudioAnalysisJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audioAnalysisJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisJobFields"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"bitsPerSample"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"frames"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"frameCount"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"nFft"}},{"kind":"Field","name":{"kind":"Name","value":"hopLength"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"nMels"}},{"kind":"Field","name":{"kind":"Name","value":"melScale"}},{"kind":"Field","name":{"kind":"Name","value":"nMfcc"}},{"kind":"Field","name":{"kind":"Name","value":"rolloffPercent"}},{"kind":"Field","name":{"kind":"Name","value":"topDb"}},{"kind":"Field","name":{"kind":"Name","value":"seriesResolution"}},{"kind":"Field","name":{"kind":"Name","value":"threads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tempoBpm"}},{"kind":"Field","name":{"kind":"Name","value":"beatCount"}},{"kind":"Field","name":{"kind":"Name","value":"onsetCount"}},{"kind":"Field","name":{"kind":"Name","value":"loudnessDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"peakDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zcr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chroma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"times"}},{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"}},{"kind":"Field","name":{"kind":"Name","value":"rms"}},{"kind":"Field","name":{"kind":"Name","value":"zcr"}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"}},{"kind":"Field","name":{"kind":"Name","value":"chroma"}},{"kind":"Field","name":{"kind":"Name","value":"beatTimes"}},{"kind":"Field","name":{"kind":"Name","value":"onsetTimes"}}]}}]}}]}}]} as unknown as DocumentNode<AudioAnalysisJobQuery, AudioAnalysisJobQueryVariables>;
export const AudioAnalysisProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AudioAnalysisProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audioAnalysisProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisJobFields"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAnalysisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"bitsPerSample"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"frames"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleRate"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"frameCount"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"nFft"}},{"kind":"Field","name":{"kind":"Name","value":"hopLength"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"nMels"}},{"kind":"Field","name":{"kind":"Name","value":"melScale"}},{"kind":"Field","name":{"kind":"Name","value":"nMfcc"}},{"kind":"Field","name":{"kind":"Name","value":"rolloffPercent"}},{"kind":"Field","name":{"kind":"Name","value":"topDb"}},{"kind":"Field","name":{"kind":"Name","value":"seriesResolution"}},{"kind":"Field","name":{"kind":"Name","value":"threads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"tempoBpm"}},{"kind":"Field","name":{"kind":"Name","value":"beatCount"}},{"kind":"Field","name":{"kind":"Name","value":"onsetCount"}},{"kind":"Field","name":{"kind":"Name","value":"loudnessDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"peakDbfs"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zcr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chroma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"std"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"times"}},{"kind":"Field","name":{"kind":"Name","value":"spectralCentroid"}},{"kind":"Field","name":{"kind":"Name","value":"spectralBandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"spectralRolloff"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlatness"}},{"kind":"Field","name":{"kind":"Name","value":"spectralFlux"}},{"kind":"Field","name":{"kind":"Name","value":"rms"}},{"kind":"Field","name":{"kind":"Name","value":"zcr"}},{"kind":"Field","name":{"kind":"Name","value":"onsetStrength"}},{"kind":"Field","name":{"kind":"Name","value":"mfcc"}},{"kind":"Field","name":{"kind":"Name","value":"chroma"}},{"kind":"Field","name":{"kind":"Name","value":"beatTimes"}},{"kind":"Field","name":{"kind":"Name","value":"onsetTimes"}}]}}]}}]}}]} as unknown as DocumentNode<AudioAnalysisProgressSubscription, AudioAnalysisProgressSubscriptionVariables>;
export const DataSourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataSourceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<DataSourcesQuery, DataSourcesQueryVariables>;
export const DataSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataSourceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<DataSourceQuery, DataSourceQueryVariables>;
export const PreviewDataSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewDataSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewDataSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}}]} as unknown as DocumentNode<PreviewDataSourceQuery, PreviewDataSourceQueryVariables>;
export const RegisterDataSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterDataSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataSourceKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"location"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DataSourceOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerDataSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"location"},"value":{"kind":"Variable","name":{"kind":"Name","value":"location"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataSourceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RegisterDataSourceMutation, RegisterDataSourceMutationVariables>;
export const RemoveDataSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDataSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDataSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataSourceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataSourceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RemoveDataSourceMutation, RemoveDataSourceMutationVariables>;
export const IntegrateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Integrate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"config"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"integrate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"config"},"value":{"kind":"Variable","name":{"kind":"Name","value":"config"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"outputLocation"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstRows"}},{"kind":"Field","name":{"kind":"Name","value":"report"}}]}}]}}]} as unknown as DocumentNode<IntegrateMutation, IntegrateMutationVariables>;
export const TransformDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Transform"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pipeline"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transform"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pipeline"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pipeline"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"outputLocation"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstRows"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"rowsIn"}},{"kind":"Field","name":{"kind":"Name","value":"rowsOut"}},{"kind":"Field","name":{"kind":"Name","value":"ms"}}]}}]}}]}}]} as unknown as DocumentNode<TransformMutation, TransformMutationVariables>;
export const DataJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DataJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataJobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DataJobProgressSubscription, DataJobProgressSubscriptionVariables>;
export const TestAudioNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestAudioNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAnalysisJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}}]}}]} as unknown as DocumentNode<TestAudioNodeQuery, TestAudioNodeQueryVariables>;
export const TestDataNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestDataNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<TestDataNodeQuery, TestDataNodeQueryVariables>;
export const TestDataJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestDataJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"outputLocation"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<TestDataJobQuery, TestDataJobQueryVariables>;
export const TestRetentionDataJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestRetentionDataJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<TestRetentionDataJobQuery, TestRetentionDataJobQueryVariables>;
export const TestDocumentCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestDocumentCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}}]}}]}}]} as unknown as DocumentNode<TestDocumentCollectionQuery, TestDocumentCollectionQueryVariables>;
export const TestNlpNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestNlpNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentCollection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TestNlpNodeQuery, TestNlpNodeQueryVariables>;
export const TestModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alias"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"versionCount"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alias"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alias"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliasHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alias"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"fromVersion"}},{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]} as unknown as DocumentNode<TestModelQuery, TestModelQueryVariables>;
export const TestModelVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alias"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"alias"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alias"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<TestModelVersionQuery, TestModelVersionQueryVariables>;
export const TestModelsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestModelsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestModelsPageQuery, TestModelsPageQueryVariables>;
export const TestNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<TestNodeQuery, TestNodeQueryVariables>;
export const TestDeleteModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestDeleteModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletedVersions"}}]}}]}}]} as unknown as DocumentNode<TestDeleteModelMutation, TestDeleteModelMutationVariables>;
export const TestDeleteAliasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestDeleteAlias"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alias"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteModelAlias"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"alias"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alias"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<TestDeleteAliasMutation, TestDeleteAliasMutationVariables>;
export const TestSetTagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSetTags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTagsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<TestSetTagsMutation, TestSetTagsMutationVariables>;
export const TestUpdateModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestUpdateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"task"}}]}}]}}]} as unknown as DocumentNode<TestUpdateModelMutation, TestUpdateModelMutationVariables>;