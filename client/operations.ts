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
