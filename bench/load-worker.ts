/**
 * The load generator of `npm run bench`'s API section (bench/api.ts), run as its own process
 * so it does not share the API's event loop: keeps `connections` keep-alive connections busy
 * on one route for `seconds` and prints a LoadReport as JSON. Node built-ins only, so it starts
 * fast and depends on nothing of the app.
 *
 *   node -r ts-node/register/transpile-only bench/load-worker.ts <spec.json>
 */
import * as fs from 'fs';
import * as http from 'http';

export type LoadRoute =
  | 'health'
  | 'list'
  | 'details'
  | 'download'
  | 'benchmarks'
  | 'query'
  | 'contribute'
  | 'update'
  | 'create'
  | 'delete'
  | 'builtinTemplate'
  | 'builtinBenchmarks'
  | 'oversized';

export interface LoadSpec {
  /** e.g. http://localhost:7071/api */
  url: string;
  route: LoadRoute;
  seconds: number;
  connections: number;
  /** One admin token per connection, each of its own organization (an organization's storage quota is not what this measures). */
  admins: string[];
  /** App role Templates.Publisher: the seed's identity, the only caller of /api/builtins. */
  publisher: string;
  /** A second workbook: the publisher alternates the two, so every PUT of a built-in stores a new version. */
  otherWorkbookFile: string;
  /** `{rows: [...]}` for PUT /api/builtins/benchmarks (the seeded rows). */
  builtinRowsBody: string;
  /** One contributor token per connection (each its own organization, each with its own quota). */
  contributors: string[];
  /** Per-connection templates for `update`, with their current ETags. */
  updateTargets: Array<{ id: string; etag: string }>;
  workbookFile: string;
  queryBody: string;
  contribution: { metric: string; segment: string; period: string };
}

export interface LoadReport {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  /** Connections that failed or timed out. */
  errors: number;
  /** Answers with a status the route must not give under load. */
  unexpected: number;
  statuses: Record<string, number>;
}

/** The statuses a route may answer under load (contributions: 429 once an organization's quota is spent). */
export const EXPECTED: Record<LoadRoute, number[]> = {
  health: [200],
  list: [200],
  details: [200],
  download: [200],
  benchmarks: [200],
  query: [200],
  contribute: [202, 429],
  update: [200],
  create: [201],
  delete: [204],
  builtinTemplate: [200, 201],
  builtinBenchmarks: [200],
  // An endless body from an anonymous caller: refused once 1 MiB has been read.
  oversized: [413],
};

/** What `oversized` streams (chunked, no Content-Length): twice the 1 MiB JSON limit. */
const OVERSIZED_BYTES = 2 * 1024 * 1024;

export function loadMetadata(id: string) {
  return { id, title: { en: `Load ${id}`, zh: `压测 ${id}` }, description: { en: '', zh: '' }, category: 'budget' as const, tags: ['load'] };
}

const BOUNDARY = 'perfplan-load-boundary';

function multipart(meta: unknown, workbook: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(meta)}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="load.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    workbook,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

interface Answer {
  status: number;
  etag?: string;
}

export async function loadWorker(spec: LoadSpec): Promise<LoadReport> {
  const base = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const workbook = fs.readFileSync(spec.workbookFile);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let unexpected = 0;

  const send = (method: string, route: string, headers: Record<string, string> = {}, body?: Buffer | string, chunked = false): Promise<Answer> =>
    new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path: `${base.pathname}/${route}`,
          headers: { ...headers, ...(body && !chunked ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) },
          agent,
          timeout: 30_000,
        },
        (res) => {
          answered = true;
          res.resume(); // read the whole body: a download is measured to its last byte
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
            if (chunked) req.destroy(); // the rest of an endless body is never sent
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => (answered ? undefined : reject(error)));
      if (!chunked) {
        req.end(body);
        return;
      }
      // Chunked, in 64 KiB writes, until the answer comes (a server that reads it all would get every byte).
      const bytes = Buffer.from(body ?? '');
      let at = 0;
      const pump = () => {
        while (!answered && at < bytes.length) {
          const chunk = bytes.subarray(at, at + 64 * 1024);
          at += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });

  const admin = (c: number) => ({ Authorization: `Bearer ${spec.admins[c]}` });
  const form = (c: number) => ({ ...admin(c), 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` });
  const publisherForm = { Authorization: `Bearer ${spec.publisher}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };
  const otherWorkbook = fs.readFileSync(spec.otherWorkbookFile);
  const oversized = Buffer.alloc(OVERSIZED_BYTES, 0x20);
  let counter = 0;
  /** One measured request of the route for connection `c` (with its state). */
  const step: (c: number, state: { etag?: string; flip?: boolean }) => Promise<Answer> = (c, state) => {
    switch (spec.route) {
      case 'health':
        return send('GET', 'health');
      case 'list':
        return send('GET', 'templates');
      case 'details':
        return send('GET', 'templates/load-test');
      case 'download':
        return send('GET', 'templates/load-test/download');
      case 'benchmarks':
        return send('GET', 'benchmarks');
      case 'query':
        return send('POST', 'benchmarks/query', { 'Content-Type': 'application/json' }, spec.queryBody);
      case 'contribute':
        return send(
          'POST',
          'benchmarks/contributions',
          { 'Content-Type': 'application/json', Authorization: `Bearer ${spec.contributors[c]}` },
          JSON.stringify({ ...spec.contribution, value: 0.1 + (counter++ % 50) / 100 }),
        );
      case 'update': {
        const target = spec.updateTargets[c];
        return send('PUT', `templates/${target.id}`, { ...form(c), 'If-Match': state.etag ?? target.etag }, multipart(loadMetadata(target.id), workbook)).then((a) => {
          if (a.status === 200) state.etag = a.etag;
          return a;
        });
      }
      case 'create':
        return send('POST', 'templates', form(c), multipart(loadMetadata(`load-create-${c}-${counter++}`), workbook));
      case 'builtinTemplate': {
        // Each connection publishes its own built-in; alternating bytes make every PUT after the first an update.
        const id = `load-builtin-${c}`;
        state.flip = !state.flip;
        return send('PUT', `builtins/templates/${id}`, publisherForm, multipart(loadMetadata(id), state.flip ? workbook : otherWorkbook));
      }
      case 'builtinBenchmarks':
        return send('PUT', 'builtins/benchmarks', { 'Content-Type': 'application/json', Authorization: `Bearer ${spec.publisher}` }, spec.builtinRowsBody);
      case 'oversized':
        return send('POST', 'benchmarks/query', { 'Content-Type': 'application/json' }, oversized, true);
      case 'delete':
        throw new Error('delete is measured in deleteStep');
    }
  };
  /** The unmeasured POST of the fresh template a measured DELETE then removes. */
  const deleteStep = async (c: number, id: string): Promise<Answer | undefined> => {
    const created = await send('POST', 'templates', form(c), multipart(loadMetadata(id), workbook));
    if (created.status !== 201 || !created.etag) {
      statuses[`POST ${created.status}`] = (statuses[`POST ${created.status}`] ?? 0) + 1;
      unexpected++;
      return undefined;
    }
    return { status: -1, etag: created.etag };
  };

  const started = Date.now();
  const end = started + spec.seconds * 1000;
  await Promise.all(
    Array.from({ length: spec.connections }, async (_, c) => {
      const state: { etag?: string; flip?: boolean } = {};
      while (Date.now() < end) {
        let id: string | undefined;
        let etag: string | undefined;
        if (spec.route === 'delete') {
          const fresh = `load-delete-${c}-${counter++}`;
          const created = await deleteStep(c, fresh).catch(() => {
            errors++;
            return undefined;
          });
          if (!created) continue;
          id = fresh;
          etag = created.etag;
        }
        const t0 = process.hrtime.bigint();
        try {
          const answer = id ? await send('DELETE', `templates/${id}`, { ...admin(c), 'If-Match': etag! }) : await step(c, state);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (!EXPECTED[spec.route].includes(answer.status)) unexpected++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
  return { requests: latencies.length, seconds, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN, errors, unexpected, statuses };
}

if (require.main === module) {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  loadWorker(spec).then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
