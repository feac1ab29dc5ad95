/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ModelSummary on Model {\n    id\n    name\n    description\n    task\n    tags {\n      key\n      value\n    }\n    createdAt\n    updatedAt\n    versionCount\n  }\n": typeof types.ModelSummaryFragmentDoc,
    "\n  fragment ModelVersionFields on ModelVersion {\n    id\n    version\n    framework\n    status\n    sha256\n    size\n    storageUri\n    description\n    metrics\n    metadata\n    sourceRun\n    parentVersion\n    createdAt\n    tags {\n      key\n      value\n    }\n    aliases\n    signature {\n      inputs {\n        name\n        type\n        shape\n      }\n      outputs {\n        name\n        type\n        shape\n      }\n    }\n  }\n": typeof types.ModelVersionFieldsFragmentDoc,
    "\n  query ListModels($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ModelSummary\n          aliases {\n            name\n            version {\n              version\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ListModelsDocument,
    "\n  query ModelsWithVersions($first: Int, $after: String, $versions: Int) {\n    models(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          task\n          tags {\n            key\n            value\n          }\n          aliases {\n            name\n            updatedAt\n            version {\n              version\n            }\n          }\n          versions(first: $versions) {\n            edges {\n              node {\n                id\n                version\n                framework\n                sha256\n                size\n                createdAt\n                metrics\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ModelsWithVersionsDocument,
    "\n  query ShowModel($name: String!) {\n    model(name: $name) {\n      ...ModelSummary\n      aliases {\n        name\n        updatedAt\n        version {\n          version\n        }\n      }\n      versions(first: 100) {\n        edges {\n          node {\n            ...ModelVersionFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ShowModelDocument,
    "\n  mutation CreateModel($input: CreateModelInput!) {\n    createModel(input: $input) {\n      ...ModelSummary\n    }\n  }\n": typeof types.CreateModelDocument,
    "\n  mutation RegisterModelVersion($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) {\n      ...ModelVersionFields\n      model {\n        name\n      }\n    }\n  }\n": typeof types.RegisterModelVersionDocument,
    "\n  mutation SetModelAlias($model: String!, $alias: String!, $version: Int!, $note: String) {\n    setModelAlias(model: $model, alias: $alias, version: $version, note: $note) {\n      id\n      version\n      aliases\n    }\n  }\n": typeof types.SetModelAliasDocument,
    "\n  subscription RegistryEvents($model: String) {\n    registryEvents(model: $model) {\n      type\n      modelName\n      version\n      alias\n      fromVersion\n      at\n      model {\n        name\n        versionCount\n      }\n    }\n  }\n": typeof types.RegistryEventsDocument,
    "\n  fragment TextAnalysisFields on TextAnalysis {\n    language {\n      code\n      confidence\n    }\n    sentiment {\n      compound\n      positive\n      negative\n      neutral\n      label\n    }\n    keywords {\n      term\n      score\n    }\n    keywordMethod\n    readability {\n      fleschReadingEase\n      fleschKincaidGrade\n    }\n    stats {\n      characters\n      words\n      sentences\n      averageSentenceLength\n      lexicalDiversity\n    }\n    sentences\n  }\n": typeof types.TextAnalysisFieldsFragmentDoc,
    "\n  fragment DocumentFields on Document {\n    id\n    externalId\n    text\n    createdAt\n    collection {\n      name\n    }\n    analysis {\n      ...TextAnalysisFields\n    }\n  }\n": typeof types.DocumentFieldsFragmentDoc,
    "\n  query AnalyzeText($text: String!, $options: AnalyzeTextOptions) {\n    analyzeText(text: $text, options: $options) {\n      ...TextAnalysisFields\n    }\n  }\n": typeof types.AnalyzeTextDocument,
    "\n  mutation AddDocuments($collection: String!, $documents: [DocumentInput!]!, $options: AddDocumentsOptions) {\n    addDocuments(collection: $collection, documents: $documents, options: $options) {\n      ingestId\n      added\n      skipped\n      collection {\n        id\n        name\n        documentCount\n      }\n      documents {\n        ...DocumentFields\n      }\n    }\n  }\n": typeof types.AddDocumentsDocument,
    "\n  query Document($id: ID!) {\n    document(id: $id) {\n      ...DocumentFields\n    }\n  }\n": typeof types.DocumentDocument,
    "\n  query Documents($collection: String!, $filter: DocumentFilter, $first: Int, $after: String) {\n    documents(collection: $collection, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          externalId\n          analysis {\n            language {\n              code\n            }\n            sentiment {\n              label\n              compound\n            }\n            keywords {\n              term\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DocumentsDocument,
    "\n  query SimilarDocuments($id: ID!, $k: Int, $minSimilarity: Float) {\n    similarDocuments(id: $id, k: $k, minSimilarity: $minSimilarity) {\n      similarity\n      document {\n        id\n        externalId\n        collection {\n          name\n        }\n      }\n    }\n  }\n": typeof types.SimilarDocumentsDocument,
    "\n  query DocumentCollections($first: Int, $after: String) {\n    documentCollections(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          documentCount\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.DocumentCollectionsDocument,
    "\n  mutation RemoveDocumentCollection($name: String!) {\n    removeDocumentCollection(name: $name) {\n      name\n      removedDocuments\n    }\n  }\n": typeof types.RemoveDocumentCollectionDocument,
    "\n  subscription DocumentIngestProgress($collection: String!) {\n    documentIngestProgress(collection: $collection) {\n      collection\n      ingestId\n      phase\n      processed\n      total\n      error\n      at\n    }\n  }\n": typeof types.DocumentIngestProgressDocument,
    "\n  query TestDocumentCollection($name: String!) {\n    documentCollection(name: $name) {\n      name\n      documentCount\n    }\n  }\n": typeof types.TestDocumentCollectionDocument,
    "\n  query TestNlpNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Document {\n        text\n      }\n      ... on DocumentCollection {\n        name\n      }\n    }\n  }\n": typeof types.TestNlpNodeDocument,
    "\n  query TestModel($name: String!, $at: DateTime, $alias: String!) {\n    model(name: $name) {\n      id\n      name\n      versionCount\n      tags {\n        key\n        value\n      }\n      latestVersion {\n        version\n      }\n      aliases {\n        name\n        version {\n          version\n        }\n      }\n      alias(name: $alias, at: $at) {\n        version\n      }\n      aliasHistory(name: $alias) {\n        alias\n        fromVersion\n        toVersion\n        note\n        at\n      }\n    }\n  }\n": typeof types.TestModelDocument,
    "\n  query TestModelVersion($model: String!, $version: Int, $alias: String) {\n    modelVersion(model: $model, version: $version, alias: $alias) {\n      id\n      version\n      sha256\n      aliases\n      tags {\n        key\n        value\n      }\n    }\n  }\n": typeof types.TestModelVersionDocument,
    "\n  query TestModelsPage($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.TestModelsPageDocument,
    "\n  query TestNode($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Model {\n        name\n      }\n      ... on ModelVersion {\n        version\n      }\n    }\n  }\n": typeof types.TestNodeDocument,
    "\n  mutation TestDeleteModel($name: String!, $force: Boolean) {\n    deleteModel(name: $name, force: $force) {\n      name\n      deletedVersions\n    }\n  }\n": typeof types.TestDeleteModelDocument,
    "\n  mutation TestDeleteAlias($model: String!, $alias: String!) {\n    deleteModelAlias(model: $model, alias: $alias) {\n      version\n    }\n  }\n": typeof types.TestDeleteAliasDocument,
    "\n  mutation TestSetTags($input: SetTagsInput!) {\n    setTags(input: $input) {\n      tags {\n        key\n        value\n      }\n      modelVersion {\n        version\n      }\n    }\n  }\n": typeof types.TestSetTagsDocument,
    "\n  mutation TestUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      description\n      task\n    }\n  }\n": typeof types.TestUpdateModelDocument,
};
const documents: Documents = {
    "\n  fragment ModelSummary on Model {\n    id\n    name\n    description\n    task\n    tags {\n      key\n      value\n    }\n    createdAt\n    updatedAt\n    versionCount\n  }\n": types.ModelSummaryFragmentDoc,
    "\n  fragment ModelVersionFields on ModelVersion {\n    id\n    version\n    framework\n    status\n    sha256\n    size\n    storageUri\n    description\n    metrics\n    metadata\n    sourceRun\n    parentVersion\n    createdAt\n    tags {\n      key\n      value\n    }\n    aliases\n    signature {\n      inputs {\n        name\n        type\n        shape\n      }\n      outputs {\n        name\n        type\n        shape\n      }\n    }\n  }\n": types.ModelVersionFieldsFragmentDoc,
    "\n  query ListModels($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ModelSummary\n          aliases {\n            name\n            version {\n              version\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ListModelsDocument,
    "\n  query ModelsWithVersions($first: Int, $after: String, $versions: Int) {\n    models(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          task\n          tags {\n            key\n            value\n          }\n          aliases {\n            name\n            updatedAt\n            version {\n              version\n            }\n          }\n          versions(first: $versions) {\n            edges {\n              node {\n                id\n                version\n                framework\n                sha256\n                size\n                createdAt\n                metrics\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ModelsWithVersionsDocument,
    "\n  query ShowModel($name: String!) {\n    model(name: $name) {\n      ...ModelSummary\n      aliases {\n        name\n        updatedAt\n        version {\n          version\n        }\n      }\n      versions(first: 100) {\n        edges {\n          node {\n            ...ModelVersionFields\n          }\n        }\n      }\n    }\n  }\n": types.ShowModelDocument,
    "\n  mutation CreateModel($input: CreateModelInput!) {\n    createModel(input: $input) {\n      ...ModelSummary\n    }\n  }\n": types.CreateModelDocument,
    "\n  mutation RegisterModelVersion($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) {\n      ...ModelVersionFields\n      model {\n        name\n      }\n    }\n  }\n": types.RegisterModelVersionDocument,
    "\n  mutation SetModelAlias($model: String!, $alias: String!, $version: Int!, $note: String) {\n    setModelAlias(model: $model, alias: $alias, version: $version, note: $note) {\n      id\n      version\n      aliases\n    }\n  }\n": types.SetModelAliasDocument,
    "\n  subscription RegistryEvents($model: String) {\n    registryEvents(model: $model) {\n      type\n      modelName\n      version\n      alias\n      fromVersion\n      at\n      model {\n        name\n        versionCount\n      }\n    }\n  }\n": types.RegistryEventsDocument,
    "\n  fragment TextAnalysisFields on TextAnalysis {\n    language {\n      code\n      confidence\n    }\n    sentiment {\n      compound\n      positive\n      negative\n      neutral\n      label\n    }\n    keywords {\n      term\n      score\n    }\n    keywordMethod\n    readability {\n      fleschReadingEase\n      fleschKincaidGrade\n    }\n    stats {\n      characters\n      words\n      sentences\n      averageSentenceLength\n      lexicalDiversity\n    }\n    sentences\n  }\n": types.TextAnalysisFieldsFragmentDoc,
    "\n  fragment DocumentFields on Document {\n    id\n    externalId\n    text\n    createdAt\n    collection {\n      name\n    }\n    analysis {\n      ...TextAnalysisFields\n    }\n  }\n": types.DocumentFieldsFragmentDoc,
    "\n  query AnalyzeText($text: String!, $options: AnalyzeTextOptions) {\n    analyzeText(text: $text, options: $options) {\n      ...TextAnalysisFields\n    }\n  }\n": types.AnalyzeTextDocument,
    "\n  mutation AddDocuments($collection: String!, $documents: [DocumentInput!]!, $options: AddDocumentsOptions) {\n    addDocuments(collection: $collection, documents: $documents, options: $options) {\n      ingestId\n      added\n      skipped\n      collection {\n        id\n        name\n        documentCount\n      }\n      documents {\n        ...DocumentFields\n      }\n    }\n  }\n": types.AddDocumentsDocument,
    "\n  query Document($id: ID!) {\n    document(id: $id) {\n      ...DocumentFields\n    }\n  }\n": types.DocumentDocument,
    "\n  query Documents($collection: String!, $filter: DocumentFilter, $first: Int, $after: String) {\n    documents(collection: $collection, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          externalId\n          analysis {\n            language {\n              code\n            }\n            sentiment {\n              label\n              compound\n            }\n            keywords {\n              term\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DocumentsDocument,
    "\n  query SimilarDocuments($id: ID!, $k: Int, $minSimilarity: Float) {\n    similarDocuments(id: $id, k: $k, minSimilarity: $minSimilarity) {\n      similarity\n      document {\n        id\n        externalId\n        collection {\n          name\n        }\n      }\n    }\n  }\n": types.SimilarDocumentsDocument,
    "\n  query DocumentCollections($first: Int, $after: String) {\n    documentCollections(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          documentCount\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n": types.DocumentCollectionsDocument,
    "\n  mutation RemoveDocumentCollection($name: String!) {\n    removeDocumentCollection(name: $name) {\n      name\n      removedDocuments\n    }\n  }\n": types.RemoveDocumentCollectionDocument,
    "\n  subscription DocumentIngestProgress($collection: String!) {\n    documentIngestProgress(collection: $collection) {\n      collection\n      ingestId\n      phase\n      processed\n      total\n      error\n      at\n    }\n  }\n": types.DocumentIngestProgressDocument,
    "\n  query TestDocumentCollection($name: String!) {\n    documentCollection(name: $name) {\n      name\n      documentCount\n    }\n  }\n": types.TestDocumentCollectionDocument,
    "\n  query TestNlpNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Document {\n        text\n      }\n      ... on DocumentCollection {\n        name\n      }\n    }\n  }\n": types.TestNlpNodeDocument,
    "\n  query TestModel($name: String!, $at: DateTime, $alias: String!) {\n    model(name: $name) {\n      id\n      name\n      versionCount\n      tags {\n        key\n        value\n      }\n      latestVersion {\n        version\n      }\n      aliases {\n        name\n        version {\n          version\n        }\n      }\n      alias(name: $alias, at: $at) {\n        version\n      }\n      aliasHistory(name: $alias) {\n        alias\n        fromVersion\n        toVersion\n        note\n        at\n      }\n    }\n  }\n": types.TestModelDocument,
    "\n  query TestModelVersion($model: String!, $version: Int, $alias: String) {\n    modelVersion(model: $model, version: $version, alias: $alias) {\n      id\n      version\n      sha256\n      aliases\n      tags {\n        key\n        value\n      }\n    }\n  }\n": types.TestModelVersionDocument,
    "\n  query TestModelsPage($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.TestModelsPageDocument,
    "\n  query TestNode($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Model {\n        name\n      }\n      ... on ModelVersion {\n        version\n      }\n    }\n  }\n": types.TestNodeDocument,
    "\n  mutation TestDeleteModel($name: String!, $force: Boolean) {\n    deleteModel(name: $name, force: $force) {\n      name\n      deletedVersions\n    }\n  }\n": types.TestDeleteModelDocument,
    "\n  mutation TestDeleteAlias($model: String!, $alias: String!) {\n    deleteModelAlias(model: $model, alias: $alias) {\n      version\n    }\n  }\n": types.TestDeleteAliasDocument,
    "\n  mutation TestSetTags($input: SetTagsInput!) {\n    setTags(input: $input) {\n      tags {\n        key\n        value\n      }\n      modelVersion {\n        version\n      }\n    }\n  }\n": types.TestSetTagsDocument,
    "\n  mutation TestUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      description\n      task\n    }\n  }\n": types.TestUpdateModelDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelSummary on Model {\n    id\n    name\n    description\n    task\n    tags {\n      key\n      value\n    }\n    createdAt\n    updatedAt\n    versionCount\n  }\n"): (typeof documents)["\n  fragment ModelSummary on Model {\n    id\n    name\n    description\n    task\n    tags {\n      key\n      value\n    }\n    createdAt\n    updatedAt\n    versionCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ModelVersionFields on ModelVersion {\n    id\n    version\n    framework\n    status\n    sha256\n    size\n    storageUri\n    description\n    metrics\n    metadata\n    sourceRun\n    parentVersion\n    createdAt\n    tags {\n      key\n      value\n    }\n    aliases\n    signature {\n      inputs {\n        name\n        type\n        shape\n      }\n      outputs {\n        name\n        type\n        shape\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ModelVersionFields on ModelVersion {\n    id\n    version\n    framework\n    status\n    sha256\n    size\n    storageUri\n    description\n    metrics\n    metadata\n    sourceRun\n    parentVersion\n    createdAt\n    tags {\n      key\n      value\n    }\n    aliases\n    signature {\n      inputs {\n        name\n        type\n        shape\n      }\n      outputs {\n        name\n        type\n        shape\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListModels($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ModelSummary\n          aliases {\n            name\n            version {\n              version\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListModels($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ModelSummary\n          aliases {\n            name\n            version {\n              version\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelsWithVersions($first: Int, $after: String, $versions: Int) {\n    models(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          task\n          tags {\n            key\n            value\n          }\n          aliases {\n            name\n            updatedAt\n            version {\n              version\n            }\n          }\n          versions(first: $versions) {\n            edges {\n              node {\n                id\n                version\n                framework\n                sha256\n                size\n                createdAt\n                metrics\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModelsWithVersions($first: Int, $after: String, $versions: Int) {\n    models(first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          task\n          tags {\n            key\n            value\n          }\n          aliases {\n            name\n            updatedAt\n            version {\n              version\n            }\n          }\n          versions(first: $versions) {\n            edges {\n              node {\n                id\n                version\n                framework\n                sha256\n                size\n                createdAt\n                metrics\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShowModel($name: String!) {\n    model(name: $name) {\n      ...ModelSummary\n      aliases {\n        name\n        updatedAt\n        version {\n          version\n        }\n      }\n      versions(first: 100) {\n        edges {\n          node {\n            ...ModelVersionFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShowModel($name: String!) {\n    model(name: $name) {\n      ...ModelSummary\n      aliases {\n        name\n        updatedAt\n        version {\n          version\n        }\n      }\n      versions(first: 100) {\n        edges {\n          node {\n            ...ModelVersionFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateModel($input: CreateModelInput!) {\n    createModel(input: $input) {\n      ...ModelSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CreateModel($input: CreateModelInput!) {\n    createModel(input: $input) {\n      ...ModelSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterModelVersion($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) {\n      ...ModelVersionFields\n      model {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterModelVersion($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) {\n      ...ModelVersionFields\n      model {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModelAlias($model: String!, $alias: String!, $version: Int!, $note: String) {\n    setModelAlias(model: $model, alias: $alias, version: $version, note: $note) {\n      id\n      version\n      aliases\n    }\n  }\n"): (typeof documents)["\n  mutation SetModelAlias($model: String!, $alias: String!, $version: Int!, $note: String) {\n    setModelAlias(model: $model, alias: $alias, version: $version, note: $note) {\n      id\n      version\n      aliases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RegistryEvents($model: String) {\n    registryEvents(model: $model) {\n      type\n      modelName\n      version\n      alias\n      fromVersion\n      at\n      model {\n        name\n        versionCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RegistryEvents($model: String) {\n    registryEvents(model: $model) {\n      type\n      modelName\n      version\n      alias\n      fromVersion\n      at\n      model {\n        name\n        versionCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TextAnalysisFields on TextAnalysis {\n    language {\n      code\n      confidence\n    }\n    sentiment {\n      compound\n      positive\n      negative\n      neutral\n      label\n    }\n    keywords {\n      term\n      score\n    }\n    keywordMethod\n    readability {\n      fleschReadingEase\n      fleschKincaidGrade\n    }\n    stats {\n      characters\n      words\n      sentences\n      averageSentenceLength\n      lexicalDiversity\n    }\n    sentences\n  }\n"): (typeof documents)["\n  fragment TextAnalysisFields on TextAnalysis {\n    language {\n      code\n      confidence\n    }\n    sentiment {\n      compound\n      positive\n      negative\n      neutral\n      label\n    }\n    keywords {\n      term\n      score\n    }\n    keywordMethod\n    readability {\n      fleschReadingEase\n      fleschKincaidGrade\n    }\n    stats {\n      characters\n      words\n      sentences\n      averageSentenceLength\n      lexicalDiversity\n    }\n    sentences\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentFields on Document {\n    id\n    externalId\n    text\n    createdAt\n    collection {\n      name\n    }\n    analysis {\n      ...TextAnalysisFields\n    }\n  }\n"): (typeof documents)["\n  fragment DocumentFields on Document {\n    id\n    externalId\n    text\n    createdAt\n    collection {\n      name\n    }\n    analysis {\n      ...TextAnalysisFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyzeText($text: String!, $options: AnalyzeTextOptions) {\n    analyzeText(text: $text, options: $options) {\n      ...TextAnalysisFields\n    }\n  }\n"): (typeof documents)["\n  query AnalyzeText($text: String!, $options: AnalyzeTextOptions) {\n    analyzeText(text: $text, options: $options) {\n      ...TextAnalysisFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDocuments($collection: String!, $documents: [DocumentInput!]!, $options: AddDocumentsOptions) {\n    addDocuments(collection: $collection, documents: $documents, options: $options) {\n      ingestId\n      added\n      skipped\n      collection {\n        id\n        name\n        documentCount\n      }\n      documents {\n        ...DocumentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddDocuments($collection: String!, $documents: [DocumentInput!]!, $options: AddDocumentsOptions) {\n    addDocuments(collection: $collection, documents: $documents, options: $options) {\n      ingestId\n      added\n      skipped\n      collection {\n        id\n        name\n        documentCount\n      }\n      documents {\n        ...DocumentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Document($id: ID!) {\n    document(id: $id) {\n      ...DocumentFields\n    }\n  }\n"): (typeof documents)["\n  query Document($id: ID!) {\n    document(id: $id) {\n      ...DocumentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Documents($collection: String!, $filter: DocumentFilter, $first: Int, $after: String) {\n    documents(collection: $collection, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          externalId\n          analysis {\n            language {\n              code\n            }\n            sentiment {\n              label\n              compound\n            }\n            keywords {\n              term\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Documents($collection: String!, $filter: DocumentFilter, $first: Int, $after: String) {\n    documents(collection: $collection, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          externalId\n          analysis {\n            language {\n              code\n            }\n            sentiment {\n              label\n              compound\n            }\n            keywords {\n              term\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarDocuments($id: ID!, $k: Int, $minSimilarity: Float) {\n    similarDocuments(id: $id, k: $k, minSimilarity: $minSimilarity) {\n      similarity\n      document {\n        id\n        externalId\n        collection {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimilarDocuments($id: ID!, $k: Int, $minSimilarity: Float) {\n    similarDocuments(id: $id, k: $k, minSimilarity: $minSimilarity) {\n      similarity\n      document {\n        id\n        externalId\n        collection {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentCollections($first: Int, $after: String) {\n    documentCollections(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          documentCount\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DocumentCollections($first: Int, $after: String) {\n    documentCollections(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          documentCount\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDocumentCollection($name: String!) {\n    removeDocumentCollection(name: $name) {\n      name\n      removedDocuments\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveDocumentCollection($name: String!) {\n    removeDocumentCollection(name: $name) {\n      name\n      removedDocuments\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DocumentIngestProgress($collection: String!) {\n    documentIngestProgress(collection: $collection) {\n      collection\n      ingestId\n      phase\n      processed\n      total\n      error\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription DocumentIngestProgress($collection: String!) {\n    documentIngestProgress(collection: $collection) {\n      collection\n      ingestId\n      phase\n      processed\n      total\n      error\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDocumentCollection($name: String!) {\n    documentCollection(name: $name) {\n      name\n      documentCount\n    }\n  }\n"): (typeof documents)["\n  query TestDocumentCollection($name: String!) {\n    documentCollection(name: $name) {\n      name\n      documentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestNlpNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Document {\n        text\n      }\n      ... on DocumentCollection {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestNlpNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Document {\n        text\n      }\n      ... on DocumentCollection {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestModel($name: String!, $at: DateTime, $alias: String!) {\n    model(name: $name) {\n      id\n      name\n      versionCount\n      tags {\n        key\n        value\n      }\n      latestVersion {\n        version\n      }\n      aliases {\n        name\n        version {\n          version\n        }\n      }\n      alias(name: $alias, at: $at) {\n        version\n      }\n      aliasHistory(name: $alias) {\n        alias\n        fromVersion\n        toVersion\n        note\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestModel($name: String!, $at: DateTime, $alias: String!) {\n    model(name: $name) {\n      id\n      name\n      versionCount\n      tags {\n        key\n        value\n      }\n      latestVersion {\n        version\n      }\n      aliases {\n        name\n        version {\n          version\n        }\n      }\n      alias(name: $alias, at: $at) {\n        version\n      }\n      aliasHistory(name: $alias) {\n        alias\n        fromVersion\n        toVersion\n        note\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestModelVersion($model: String!, $version: Int, $alias: String) {\n    modelVersion(model: $model, version: $version, alias: $alias) {\n      id\n      version\n      sha256\n      aliases\n      tags {\n        key\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestModelVersion($model: String!, $version: Int, $alias: String) {\n    modelVersion(model: $model, version: $version, alias: $alias) {\n      id\n      version\n      sha256\n      aliases\n      tags {\n        key\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestModelsPage($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestModelsPage($filter: ModelFilter, $first: Int, $after: String) {\n    models(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestNode($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Model {\n        name\n      }\n      ... on ModelVersion {\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestNode($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Model {\n        name\n      }\n      ... on ModelVersion {\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDeleteModel($name: String!, $force: Boolean) {\n    deleteModel(name: $name, force: $force) {\n      name\n      deletedVersions\n    }\n  }\n"): (typeof documents)["\n  mutation TestDeleteModel($name: String!, $force: Boolean) {\n    deleteModel(name: $name, force: $force) {\n      name\n      deletedVersions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDeleteAlias($model: String!, $alias: String!) {\n    deleteModelAlias(model: $model, alias: $alias) {\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation TestDeleteAlias($model: String!, $alias: String!) {\n    deleteModelAlias(model: $model, alias: $alias) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSetTags($input: SetTagsInput!) {\n    setTags(input: $input) {\n      tags {\n        key\n        value\n      }\n      modelVersion {\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestSetTags($input: SetTagsInput!) {\n    setTags(input: $input) {\n      tags {\n        key\n        value\n      }\n      modelVersion {\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      description\n      task\n    }\n  }\n"): (typeof documents)["\n  mutation TestUpdateModel($input: UpdateModelInput!) {\n    updateModel(input: $input) {\n      description\n      task\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;