/**
 * Error classification and client construction (no storage needed), plus the jest
 * globalSetup/teardown pair against a real Azurite.
 */
import * as net from 'net';
import { HttpProblem, conflict } from '../../../functions/src/http/problem';
import { createStorageClients, isInsecureConnectionString, storageOptionsFromEnv } from '../../../functions/src/storage/clients';
import { classifyStorageError, StorageFailure, storageErrorCode, toStoreError } from '../../../functions/src/storage/errors';
import { DEV_ACCOUNT_KEY, connectionStringFor, testStorage, uniquePrefix } from '../support/azurite';

/** Shaped like core-rest-pipeline's RestError. */
function restError(props: { statusCode?: number; code?: string; details?: unknown; message?: string }): Error {
  const err = new Error(props.message ?? 'boom') as Error & Record<string, unknown>;
  err.name = 'RestError';
  Object.assign(err, props);
  return err;
}

describe('classifyStorageError', () => {
  test.each([
    ['connection refused', restError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:10002' })],
    ['connection reset', restError({ code: 'ECONNRESET' })],
    ['DNS', restError({ code: 'ENOTFOUND' })],
    ['DNS again', restError({ code: 'EAI_AGAIN' })],
    ['timeout', restError({ code: 'ETIMEDOUT' })],
    ['send error', restError({ code: 'REQUEST_SEND_ERROR' })],
    ['no status at all', restError({})],
    ['500', restError({ statusCode: 500, code: 'InternalError' })],
    ['503 server busy', restError({ statusCode: 503, code: 'ServerBusy' })],
    ['429 throttled', restError({ statusCode: 429 })],
    ['408', restError({ statusCode: 408 })],
    ['abort (our timeout)', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })],
    ['AggregateError of refusals', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {})],
    ['cause chain', Object.assign(new Error('outer'), { cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) })],
  ])('%s → unavailable', (_name, err) => {
    expect(classifyStorageError(err).kind).toBe('unavailable');
  });

  test('blob create-only collision and table conflicts/conditions', () => {
    const blob409 = restError({ statusCode: 409, code: 'BlobAlreadyExists', details: { errorCode: 'BlobAlreadyExists' } });
    expect(classifyStorageError(blob409)).toEqual({ kind: 'already-exists', status: 409, code: 'BlobAlreadyExists' });
    const table409 = restError({ statusCode: 409, details: { odataError: { code: 'EntityAlreadyExists' } } });
    expect(classifyStorageError(table409).kind).toBe('already-exists');
    const table412 = restError({ statusCode: 412, details: { odataError: { code: 'UpdateConditionNotSatisfied' } } });
    expect(storageErrorCode(table412)).toBe('UpdateConditionNotSatisfied');
    expect(classifyStorageError(table412)).toEqual({ kind: 'condition-failed', status: 412, code: 'UpdateConditionNotSatisfied' });
    expect(classifyStorageError(restError({ statusCode: 412, code: 'ConditionNotMet' })).kind).toBe('condition-failed');
    expect(classifyStorageError(restError({ statusCode: 404, details: { odataError: { code: 'ResourceNotFound' } } })).kind).toBe('not-found');
    expect(classifyStorageError(restError({ statusCode: 404, details: { odataError: { code: 'TableNotFound' } } })).kind).toBe('resource-missing');
    expect(classifyStorageError(restError({ statusCode: 404, code: 'ContainerNotFound' })).kind).toBe('resource-missing');
    expect(classifyStorageError(restError({ statusCode: 409, code: 'LeaseIdMissing' })).kind).toBe('other');
    expect(classifyStorageError(restError({ statusCode: 400, code: 'InvalidInput' })).kind).toBe('other');
  });

  test('non-storage errors and HttpProblems pass through untouched', () => {
    const plain = new TypeError('bug');
    expect(classifyStorageError(plain).kind).toBe('not-storage');
    expect(toStoreError(plain)).toBe(plain);
    const p = conflict('x');
    expect(toStoreError(p)).toBe(p);
    expect(classifyStorageError('string').kind).toBe('not-storage');
  });

  test('outages become 503 + Retry-After; messages never echo the SDK message', () => {
    const secret = `connect ECONNREFUSED 10.0.0.7:443 AccountKey=${DEV_ACCOUNT_KEY} https://acct.table.core.windows.net/x`;
    const mapped = toStoreError(restError({ code: 'ECONNREFUSED', message: secret }), 7) as HttpProblem;
    expect(mapped).toBeInstanceOf(HttpProblem);
    expect(mapped.status).toBe(503);
    expect(mapped.extra.headers).toEqual({ 'Retry-After': '7' });
    expect(mapped.message).not.toMatch(/10\.0\.0\.7|AccountKey|windows\.net/);

    const other = toStoreError(restError({ statusCode: 400, code: 'InvalidInput', message: secret })) as StorageFailure;
    expect(other).toBeInstanceOf(StorageFailure);
    expect(other.message).toBe('Unexpected storage response (status 400, InvalidInput)');
  });
});

describe('storage clients', () => {
  test('http endpoints (Azurite) are recognized as insecure, Azure ones are not', () => {
    expect(isInsecureConnectionString('UseDevelopmentStorage=true')).toBe(true);
    expect(isInsecureConnectionString('DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k;TableEndpoint=http://127.0.0.1:1/a;')).toBe(true);
    expect(isInsecureConnectionString('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k;EndpointSuffix=core.windows.net')).toBe(false);
    expect(isInsecureConnectionString('DefaultEndpointsProtocol=http;AccountName=a;AccountKey=k')).toBe(true);
  });

  test('names get the prefix; bad prefixes and malformed connection strings are refused without echoing them', () => {
    const c = createStorageClients({ connectionString: 'UseDevelopmentStorage=true', prefix: 't1234' });
    expect(c.names).toEqual({
      container: 't1234templates',
      tables: { templates: 't1234templates', templateversions: 't1234templateversions', benchmarks: 't1234benchmarks', contributions: 't1234contributions' },
    });
    expect(c.tables.contributions.tableName).toBe('t1234contributions');
    expect(createStorageClients({ connectionString: 'UseDevelopmentStorage=true' }).names.container).toBe('templates');
    expect(() => createStorageClients({ connectionString: 'UseDevelopmentStorage=true', prefix: 'Bad-Prefix' })).toThrow(/prefix/);
    const malformed = 'AccountName=x;AccountKey=SuperSecretKey==;Nonsense';
    let message = '';
    try {
      createStorageClients({ connectionString: malformed });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('The storage connection string is malformed.');
  });

  test('PERFPLAN_STORAGE_TIMEOUT_MS sets the per-operation deadline; nonsense is refused', () => {
    expect(storageOptionsFromEnv({ PERFPLAN_STORAGE_TIMEOUT_MS: '15000' }).timeoutMs).toBe(15000);
    expect(() => storageOptionsFromEnv({ PERFPLAN_STORAGE_TIMEOUT_MS: 'soon' })).toThrow(/PERFPLAN_STORAGE_TIMEOUT_MS/);
    expect(() => storageOptionsFromEnv({ PERFPLAN_STORAGE_TIMEOUT_MS: '5' })).toThrow(/PERFPLAN_STORAGE_TIMEOUT_MS/);
    const c = createStorageClients({ connectionString: 'UseDevelopmentStorage=true' });
    expect([c.timeoutMs, c.healthTimeoutMs]).toEqual([4000, 1200]);
  });

  test('storageOptionsFromEnv', () => {
    expect(storageOptionsFromEnv({})).toEqual({ connectionString: 'UseDevelopmentStorage=true', prefix: undefined });
    expect(storageOptionsFromEnv({ AzureWebJobsStorage: 'A=1', PERFPLAN_STORAGE: ' B=2 ', PERFPLAN_STORAGE_PREFIX: 'dev' })).toEqual({
      connectionString: 'B=2',
      prefix: 'dev',
    });
    expect(storageOptionsFromEnv({ AzureWebJobsStorage: 'A=1' }).connectionString).toBe('A=1');
  });
});

describe('global-azurite.js (jest globalSetup/teardown)', () => {
  test('starts one Azurite, exports PERFPLAN_TEST_STORAGE, stops it', async () => {
    const saved = process.env.PERFPLAN_TEST_STORAGE;
    delete process.env.PERFPLAN_TEST_STORAGE;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const globalAzurite = require('../global-azurite.js') as (() => Promise<void>) & { setup(): Promise<void>; teardown(): Promise<void> };
    try {
      expect(globalAzurite).toBe(globalAzurite.setup);
      await globalAzurite.setup();
      const cs = process.env.PERFPLAN_TEST_STORAGE;
      expect(cs).toMatch(/^DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=.+;BlobEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;(QueueEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;)?TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;$/);
      const clients = createStorageClients({ connectionString: cs!, prefix: 'tglobal' });
      await clients.ping();
      await globalAzurite.teardown();
      expect(process.env.PERFPLAN_TEST_STORAGE).toBeUndefined();
      const down = createStorageClients({ connectionString: cs!, prefix: 'tglobal', retry: { maxTries: 1 } });
      await expect(down.ping()).rejects.toMatchObject({ status: 503 });
    } finally {
      await globalAzurite.teardown();
      if (saved === undefined) delete process.env.PERFPLAN_TEST_STORAGE;
      else process.env.PERFPLAN_TEST_STORAGE = saved;
    }
  });
});

describe('every storage call gives up at its deadline (client-side abort)', () => {
  /** A storage endpoint that accepts connections and never answers: a stall, as a frozen server looks. */
  async function blackHole(): Promise<{ port: number; close(): Promise<void> }> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return {
      port: (server.address() as net.AddressInfo).port,
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    };
  }

  // No timing assertion: without a client-side abort these calls hang, and the test's own
  // timeout (far above the deadlines) fails them.
  test('health and store operations against a stalled endpoint end in 503 + Retry-After', async () => {
    const hole = await blackHole();
    try {
      const clients = createStorageClients({
        connectionString: connectionStringFor(hole.port, hole.port),
        prefix: uniquePrefix(),
        timeoutMs: 300,
        healthTimeoutMs: 200,
        retry: { maxTries: 3, retryDelayInMs: 10, maxRetryDelayInMs: 20 },
      });
      const health = await clients.ping().then(() => null, (e: unknown) => e);
      expect(health).toBeInstanceOf(HttpProblem);
      expect(health).toMatchObject({ status: 503, extra: { headers: { 'Retry-After': '5' } } });
      const op = await clients.run(() => clients.tables.templates.getEntity('p', 'r', clients.op())).then(() => null, (e: unknown) => e);
      expect(op).toMatchObject({ status: 503 });
    } finally {
      await hole.close();
    }
  }, 10_000);

  test('inside one operation every call shares its deadline signal; outside, each gets its own', async () => {
    const storage = await testStorage();
    try {
      const clients = createStorageClients({ connectionString: storage.connectionString, prefix: uniquePrefix() });
      const signals = await clients.run(async () => [clients.op().abortSignal, clients.op().abortSignal, await clients.run(async () => clients.op().abortSignal)]);
      expect(signals[0]).toBe(signals[1]);
      expect(signals[2]).toBe(signals[0]); // a nested operation keeps the outer deadline
      expect(clients.op().abortSignal).not.toBe(clients.op().abortSignal);
    } finally {
      await storage.release();
    }
  });
});
