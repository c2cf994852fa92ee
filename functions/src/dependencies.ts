/**
 * What the handlers need, built once per process from app settings: the stores (over one
 * set of storage clients), the token verifier and the API settings.
 */
import { ApiConfig, apiConfigFromEnv } from './config';
import { authConfigFromEnv } from './auth/config';
import { Verifier, createVerifier } from './auth/verify';
import { BenchmarkStore } from './benchmarks/store';
import { StorageClients, createStorageClients, storageOptionsFromEnv } from './storage/clients';
import { TemplateStore, TemplateStoreOptions } from './templates/store';

export interface Dependencies {
  clients: StorageClients;
  templates: TemplateStore;
  benchmarks: BenchmarkStore;
  verifier: Verifier;
  config: ApiConfig;
}

export function createDependencies(env: NodeJS.ProcessEnv = process.env, options: { templates?: TemplateStoreOptions } = {}): Dependencies {
  const clients = createStorageClients(storageOptionsFromEnv(env));
  return {
    clients,
    templates: new TemplateStore(clients, options.templates),
    benchmarks: new BenchmarkStore(clients),
    verifier: createVerifier(authConfigFromEnv(env)),
    config: apiConfigFromEnv(env),
  };
}

/** The process-wide instance the registered functions use (created on first request). */
let shared: Dependencies | undefined;
export function sharedDependencies(): Dependencies {
  shared ??= createDependencies();
  return shared;
}
