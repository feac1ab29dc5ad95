// All resolvers, merged per root type. Each domain folder holds one file per root or type.
import type { Resolvers } from './__generated__/types';
import { AudioAnalysisParameters, AudioFormat, AudioSeries } from './audio/AudioAnalysis';
import { AudioAnalysisJob } from './audio/AudioAnalysisJob';
import { Mutation as AudioMutation } from './audio/Mutation';
import { Query as AudioQuery } from './audio/Query';
import { Subscription as AudioSubscription } from './audio/Subscription';
import { DataSource } from './data/DataSource';
import { Mutation as DataMutation } from './data/Mutation';
import { Query as DataQuery } from './data/Query';
import { Subscription as DataSubscription } from './data/Subscription';
import { Node } from './base/Node';
import { Query as BaseQuery } from './base/Query';
import { scalars } from './base/scalars';
import { Document } from './nlp/Document';
import { DocumentCollection } from './nlp/DocumentCollection';
import { Mutation as NlpMutation } from './nlp/Mutation';
import { Query as NlpQuery } from './nlp/Query';
import { Subscription as NlpSubscription } from './nlp/Subscription';
import { Sentiment, TextAnalysis } from './nlp/TextAnalysis';
import { DocumentCollectionConnection, DocumentConnection, SimilarDocument } from './nlp/types';
import { Model } from './registry/Model';
import { ModelVersion } from './registry/ModelVersion';
import { Mutation as RegistryMutation } from './registry/Mutation';
import { Query as RegistryQuery } from './registry/Query';
import { Subscription as RegistrySubscription } from './registry/Subscription';
import { AliasEvent, ModelAlias, ModelConnection, ModelVersionConnection, RegistryEvent, SetTagsPayload } from './registry/types';

export const resolvers: Resolvers = {
  ...scalars,
  Query: { ...BaseQuery, ...RegistryQuery, ...NlpQuery, ...AudioQuery, ...DataQuery },
  Mutation: { ...RegistryMutation, ...NlpMutation, ...AudioMutation, ...DataMutation },
  Subscription: { ...RegistrySubscription, ...NlpSubscription, ...AudioSubscription, ...DataSubscription },
  Node,
  Model,
  ModelVersion,
  ModelAlias,
  ModelConnection,
  ModelVersionConnection,
  AliasEvent,
  SetTagsPayload,
  RegistryEvent,
  Document,
  DocumentCollection,
  DocumentConnection,
  DocumentCollectionConnection,
  SimilarDocument,
  TextAnalysis,
  Sentiment,
  AudioAnalysisJob,
  AudioFormat,
  AudioAnalysisParameters,
  AudioSeries,
  DataSource,
};
