// What every resolver receives: the domain services, this request's loaders, a logger.
import type { Logger } from 'pino';
import type { Loaders } from './loaders';
import type { AudioService } from './services/audio';
import type { DataService } from './services/data';
import type { NlpService } from './services/nlp';
import type { RegistryService } from './services/registry';

export interface Services {
  registry: RegistryService;
  nlp: NlpService;
  audio: AudioService;
  data: DataService;
}

export interface Context {
  services: Services;
  loaders: Loaders;
  log: Logger;
  /** Correlates log lines of one request or subscription. */
  requestId: string;
}
