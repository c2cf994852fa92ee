/** Shared bits of the storage tests (real Azurite, see ../support/azurite.ts). */
import { randomBytes } from 'crypto';
import { HttpProblem } from '../../../functions/src/http/problem';
import { createStorageClients, StorageClients, StorageOptions } from '../../../functions/src/storage/clients';
import type { TemplateMetadataInput } from '../../../functions/src/templates/model';
import { testStorage, uniquePrefix } from '../support/azurite';
import { rejectionOf } from '../../support/shared-thrown';

/**
 * Storage for the whole test file (../support/azurite.ts testStorage): taken before its tests,
 * released after them. Call it at the top of the file; read `connectionString` in the tests.
 */
export function fileStorage(): { readonly connectionString: string } {
  let storage: Awaited<ReturnType<typeof testStorage>> | undefined;
  beforeAll(async () => {
    storage = await testStorage();
  });
  afterAll(async () => {
    await storage?.release();
  });
  return {
    get connectionString() {
      if (!storage) throw new Error('the storage is taken in beforeAll');
      return storage.connectionString;
    },
  };
}

export function clientsFor(connectionString: string, extra: Partial<StorageOptions> = {}): StorageClients {
  return createStorageClients({
    connectionString,
    prefix: uniquePrefix(),
    retry: { maxTries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
    ...extra,
  } as StorageOptions);
}

/** Stand-in workbook bytes: the store stores bytes, it does not inspect them (the upload handler does). */
export function workbookBytes(size = 2048): Buffer {
  return randomBytes(size);
}

export function metadata(id: string, overrides: Partial<TemplateMetadataInput> = {}): TemplateMetadataInput {
  return {
    id,
    title: { en: `Sales scorecard ${id}`, zh: `销售计分卡 ${id}` },
    description: { en: 'Weighted KPI scorecard.', zh: '加权 KPI 计分卡。' },
    category: 'scorecard',
    tags: ['Sales', 'KPI'],
    ...overrides,
  };
}

/** The HttpProblem a promise rejects with (fails the test if it resolves or throws something else). */
export const problemOf = (promise: Promise<unknown>): Promise<HttpProblem> => rejectionOf(HttpProblem, promise);

/** What must never leak into a problem: the key, the account, the endpoint, ports, paths. */
export function expectSanitized(problem: HttpProblem, connectionString: string): void {
  const text = `${problem.title} ${problem.detail} ${problem.message} ${JSON.stringify(problem.extra)}`;
  expect(text).not.toContain('AccountKey');
  expect(text).not.toContain('devstoreaccount1');
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toMatch(/ECONNREFUSED|https?:\/\//);
  for (const part of connectionString.split(';')) {
    const value = part.slice(part.indexOf('=') + 1);
    if (value.length > 8) expect(text).not.toContain(value);
  }
}
