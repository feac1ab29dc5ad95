// Operations shared by the CLI, tests and examples; `npm run codegen` turns them into typed
// documents in client/gql/.
import { graphql } from './gql';

export const ModelSummaryFragment = graphql(`
  fragment ModelSummary on Model {
    id
    name
    description
    task
    tags {
      key
      value
    }
    createdAt
    updatedAt
    versionCount
  }
`);

export const ModelVersionFieldsFragment = graphql(`
  fragment ModelVersionFields on ModelVersion {
    id
    version
    framework
    status
    sha256
    size
    storageUri
    description
    metrics
    metadata
    sourceRun
    parentVersion
    createdAt
    tags {
      key
      value
    }
    aliases
    signature {
      inputs {
        name
        type
        shape
      }
      outputs {
        name
        type
        shape
      }
    }
  }
`);

export const ListModelsQuery = graphql(`
  query ListModels($filter: ModelFilter, $first: Int, $after: String) {
    models(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          ...ModelSummary
          aliases {
            name
            version {
              version
            }
          }
        }
      }
    }
  }
`);

/** The paged list the benchmark and the DataLoader test use: models with latest versions and aliases. */
export const ModelsWithVersionsQuery = graphql(`
  query ModelsWithVersions($first: Int, $after: String, $versions: Int) {
    models(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          task
          tags {
            key
            value
          }
          aliases {
            name
            updatedAt
            version {
              version
            }
          }
          versions(first: $versions) {
            edges {
              node {
                id
                version
                framework
                sha256
                size
                createdAt
                metrics
              }
            }
          }
        }
      }
    }
  }
`);

export const ShowModelQuery = graphql(`
  query ShowModel($name: String!) {
    model(name: $name) {
      ...ModelSummary
      aliases {
        name
        updatedAt
        version {
          version
        }
      }
      versions(first: 100) {
        edges {
          node {
            ...ModelVersionFields
          }
        }
      }
    }
  }
`);

export const CreateModelMutation = graphql(`
  mutation CreateModel($input: CreateModelInput!) {
    createModel(input: $input) {
      ...ModelSummary
    }
  }
`);

export const RegisterModelVersionMutation = graphql(`
  mutation RegisterModelVersion($input: RegisterModelVersionInput!) {
    registerModelVersion(input: $input) {
      ...ModelVersionFields
      model {
        name
      }
    }
  }
`);

export const SetModelAliasMutation = graphql(`
  mutation SetModelAlias($model: String!, $alias: String!, $version: Int!, $note: String) {
    setModelAlias(model: $model, alias: $alias, version: $version, note: $note) {
      id
      version
      aliases
    }
  }
`);

export const RegistryEventsSubscription = graphql(`
  subscription RegistryEvents($model: String) {
    registryEvents(model: $model) {
      type
      modelName
      version
      alias
      fromVersion
      at
      model {
        name
        versionCount
      }
    }
  }
`);

export const TextAnalysisFieldsFragment = graphql(`
  fragment TextAnalysisFields on TextAnalysis {
    language {
      code
      confidence
    }
    sentiment {
      compound
      positive
      negative
      neutral
      label
    }
    keywords {
      term
      score
    }
    keywordMethod
    readability {
      fleschReadingEase
      fleschKincaidGrade
    }
    stats {
      characters
      words
      sentences
      averageSentenceLength
      lexicalDiversity
    }
    sentences
  }
`);

export const DocumentFieldsFragment = graphql(`
  fragment DocumentFields on Document {
    id
    externalId
    text
    createdAt
    collection {
      name
    }
    analysis {
      ...TextAnalysisFields
    }
  }
`);

export const AnalyzeTextQuery = graphql(`
  query AnalyzeText($text: String!, $options: AnalyzeTextOptions) {
    analyzeText(text: $text, options: $options) {
      ...TextAnalysisFields
    }
  }
`);

export const AddDocumentsMutation = graphql(`
  mutation AddDocuments($collection: String!, $documents: [DocumentInput!]!, $options: AddDocumentsOptions) {
    addDocuments(collection: $collection, documents: $documents, options: $options) {
      ingestId
      added
      skipped
      collection {
        id
        name
        documentCount
      }
      documents {
        ...DocumentFields
      }
    }
  }
`);

export const DocumentQuery = graphql(`
  query Document($id: ID!) {
    document(id: $id) {
      ...DocumentFields
    }
  }
`);

export const DocumentsQuery = graphql(`
  query Documents($collection: String!, $filter: DocumentFilter, $first: Int, $after: String) {
    documents(collection: $collection, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          externalId
          analysis {
            language {
              code
            }
            sentiment {
              label
              compound
            }
            keywords {
              term
            }
          }
        }
      }
    }
  }
`);

export const SimilarDocumentsQuery = graphql(`
  query SimilarDocuments($id: ID!, $k: Int, $minSimilarity: Float) {
    similarDocuments(id: $id, k: $k, minSimilarity: $minSimilarity) {
      similarity
      document {
        id
        externalId
        collection {
          name
        }
      }
    }
  }
`);

export const DocumentCollectionsQuery = graphql(`
  query DocumentCollections($first: Int, $after: String) {
    documentCollections(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          documentCount
          createdAt
          updatedAt
        }
      }
    }
  }
`);

export const RemoveDocumentCollectionMutation = graphql(`
  mutation RemoveDocumentCollection($name: String!) {
    removeDocumentCollection(name: $name) {
      name
      removedDocuments
    }
  }
`);

export const DocumentIngestProgressSubscription = graphql(`
  subscription DocumentIngestProgress($collection: String!) {
    documentIngestProgress(collection: $collection) {
      collection
      ingestId
      phase
      processed
      total
      error
      at
    }
  }
`);

export const AudioAnalysisJobFieldsFragment = graphql(`
  fragment AudioAnalysisJobFields on AudioAnalysisJob {
    id
    status
    progress
    phase
    fileName
    format {
      encoding
      bitsPerSample
      channels
      sampleRate
      frames
    }
    createdAt
    startedAt
    finishedAt
    error {
      code
      message
    }
  }
`);

export const AudioAnalysisFieldsFragment = graphql(`
  fragment AudioAnalysisFields on AudioAnalysis {
    sampleRate
    durationSeconds
    frameCount
    parameters {
      features
      nFft
      hopLength
      window
      nMels
      melScale
      nMfcc
      rolloffPercent
      topDb
      seriesResolution
      threads
    }
    channels {
      index
      tempoBpm
      beatCount
      onsetCount
      loudnessDbfs
      peakDbfs
      features {
        spectralCentroid {
          mean
          std
          min
          max
        }
        spectralBandwidth {
          mean
          std
          min
          max
        }
        spectralRolloff {
          mean
          std
          min
          max
        }
        spectralFlatness {
          mean
          std
          min
          max
        }
        spectralFlux {
          mean
          std
          min
          max
        }
        rms {
          mean
          std
          min
          max
        }
        zcr {
          mean
          std
          min
          max
        }
        onsetStrength {
          mean
          std
          min
          max
        }
        mfcc {
          mean
          std
          min
          max
        }
        chroma {
          mean
          std
          min
          max
        }
      }
      series {
        times
        spectralCentroid
        spectralBandwidth
        spectralRolloff
        spectralFlatness
        spectralFlux
        rms
        zcr
        onsetStrength
        mfcc
        chroma
        beatTimes
        onsetTimes
      }
    }
  }
`);

export const AnalyzeAudioMutation = graphql(`
  mutation AnalyzeAudio($file: Upload!, $options: AudioAnalysisOptions) {
    analyzeAudio(file: $file, options: $options) {
      ...AudioAnalysisJobFields
      result {
        ...AudioAnalysisFields
      }
    }
  }
`);

export const AudioAnalysisJobQuery = graphql(`
  query AudioAnalysisJob($id: ID!) {
    audioAnalysisJob(id: $id) {
      ...AudioAnalysisJobFields
      result {
        ...AudioAnalysisFields
      }
    }
  }
`);

export const AudioAnalysisProgressSubscription = graphql(`
  subscription AudioAnalysisProgress($jobId: ID!) {
    audioAnalysisProgress(jobId: $jobId) {
      ...AudioAnalysisJobFields
      result {
        ...AudioAnalysisFields
      }
    }
  }
`);

export const DataSourceFieldsFragment = graphql(`
  fragment DataSourceFields on DataSource {
    id
    name
    kind
    location
    options {
      delimiter
      header
      types
    }
    createdAt
  }
`);

export const DataSourcesQuery = graphql(`
  query DataSources {
    dataSources {
      ...DataSourceFields
    }
  }
`);

export const DataSourceQuery = graphql(`
  query DataSource($name: String!) {
    dataSource(name: $name) {
      ...DataSourceFields
    }
  }
`);

export const PreviewDataSourceQuery = graphql(`
  query PreviewDataSource($name: String!, $limit: Int) {
    previewDataSource(name: $name, limit: $limit) {
      source {
        name
      }
      fields {
        name
        type
      }
      rows
    }
  }
`);

export const RegisterDataSourceMutation = graphql(`
  mutation RegisterDataSource($name: String!, $kind: DataSourceKind!, $location: String!, $options: DataSourceOptionsInput) {
    registerDataSource(name: $name, kind: $kind, location: $location, options: $options) {
      ...DataSourceFields
    }
  }
`);

export const RemoveDataSourceMutation = graphql(`
  mutation RemoveDataSource($name: String!) {
    removeDataSource(name: $name) {
      ...DataSourceFields
    }
  }
`);

export const IntegrateMutation = graphql(`
  mutation Integrate($config: String!, $jobId: ID) {
    integrate(config: $config, jobId: $jobId) {
      jobId
      outputLocation
      rowCount
      fields {
        name
        type
      }
      firstRows
      report
    }
  }
`);

export const TransformMutation = graphql(`
  mutation Transform($pipeline: String!, $source: String!, $jobId: ID) {
    transform(pipeline: $pipeline, source: $source, jobId: $jobId) {
      jobId
      outputLocation
      rowCount
      fields {
        name
        type
      }
      firstRows
      steps {
        step
        kind
        rowsIn
        rowsOut
        ms
      }
    }
  }
`);

export const DataJobProgressSubscription = graphql(`
  subscription DataJobProgress($jobId: ID!) {
    dataJobProgress(jobId: $jobId) {
      jobId
      phase
      detail
      rows
      done
      error {
        code
        message
      }
    }
  }
`);
