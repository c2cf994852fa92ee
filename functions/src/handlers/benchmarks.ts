/**
 * /api/benchmarks: published rows (seeded and peer), the batch query PERF.BENCHMARK uses,
 * and contributions attributed to the caller's organization (k-anonymity in the store).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { PerfError, benchmarkValue } from '../../../engine';
import type { Dependencies } from '../dependencies';
import { BenchmarkName, BenchmarkRow, ContributionInput, DEFAULT_SEGMENT, PeerRow } from '../benchmarks/model';
import { badRequest } from '../http/problem';
import { json, readJson } from '../http/respond';
import { fieldErrors } from '../templates/model';

type Deps = () => Dependencies;

export const MAX_QUERIES = 500;

const Query = z.object({
  metric: BenchmarkName,
  segment: BenchmarkName.optional(),
  percentile: z.number().min(0).max(100).optional(),
});
const QueryBody = z.object({ queries: z.array(Query).max(MAX_QUERIES) });
const ContributionBody = ContributionInput.omit({ tid: true });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest('The body does not match the expected shape.', fieldErrors(result.error));
  return result.data;
}

type Answer = { value: number } | { error: string; message: string };

/** The latest peer period that publishes values (n ≥ 5), if any. */
function publishedPeer(rows: PeerRow[]): PeerRow | undefined {
  return rows.filter((r) => r.p50 !== undefined).sort((a, b) => b.period.localeCompare(a.period))[0];
}

export function benchmarkHandlers(deps: Deps) {
  return {
    async list(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, benchmarks } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const metric = request.query.get('metric') || undefined;
      const segment = request.query.get('segment') || undefined;
      const [rows, peers] = await Promise.all([benchmarks.list({ metric, segment }), benchmarks.peerRows({ metric, segment })]);
      return json(200, { items: [...rows, ...peers] });
    },

    async query(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, benchmarks } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const { queries } = parse(QueryBody, await readJson(request));
      // One lookup per distinct (metric, segment), however many cells ask for it.
      const lookups = new Map<string, Promise<{ row: BenchmarkRow | null; peer?: PeerRow }>>();
      const lookup = (metric: string, segment: string) => {
        const key = JSON.stringify([metric, segment]);
        let found = lookups.get(key);
        if (!found) {
          found = (async () => {
            const row = await benchmarks.find(metric, segment);
            if (row) return { row };
            return { row: null, peer: publishedPeer(await benchmarks.peerRows({ metric, segment })) };
          })();
          lookups.set(key, found);
        }
        return found;
      };
      const results: Answer[] = await Promise.all(
        queries.map(async (q): Promise<Answer> => {
          const segment = q.segment ?? DEFAULT_SEGMENT;
          const { row, peer } = await lookup(q.metric, segment);
          const source = row ?? peer;
          if (!source) return { error: 'not_found', message: `unknown metric "${q.metric}" for segment "${segment}"` };
          try {
            return { value: benchmarkValue(source, q.percentile ?? 50) };
          } catch (error) {
            if (error instanceof PerfError) return { error: 'not_available', message: error.message };
            throw error;
          }
        }),
      );
      return json(200, { results });
    },

    async contribute(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, benchmarks } = deps();
      const principal = await verifier.verify(request.headers.get('authorization'));
      const body = parse(ContributionBody, await readJson(request));
      const saved = await benchmarks.contribute({ ...body, tid: principal.tenantId });
      return json(202, { metric: saved.metric, segment: saved.segment, period: saved.period, accepted: true });
    },
  };
}
