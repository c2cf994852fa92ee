/**
 * /api/benchmarks: the seeded rows and the current release's published peer figures (paged),
 * the batch query PERF.BENCHMARK uses, and contributions attributed to the caller's
 * organization. What a reader may see is decided by the release (disclosure.ts): groups
 * without published figures are invisible here except to their own contributors
 * (`?mine=true`), who see their own values and the group's state.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { PerfError, benchmarkValue } from '../../../engine';
import type { Dependencies } from '../dependencies';
import { BenchmarkName, BenchmarkRow, ContributionInput, DEFAULT_SEGMENT, nameKey, PeerRow } from '../benchmarks/model';
import { decodeCursor, laterPeriodFirst, ListFilter, PageParams } from '../benchmarks/store';
import { badRequest, unauthorized } from '../http/problem';
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
const ListParams = PageParams.extend(ListFilter.shape).extend({ mine: z.enum(['true', 'false']).optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown, detail = 'The body does not match the expected shape.'): T {
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest(detail, fieldErrors(result.error));
  return result.data;
}

/** The query string as an object of the parameters present (the last value of a repeated one). */
function queryObject(request: HttpRequest, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = request.query.get(name);
    if (value !== null && value !== '') out[name] = value;
  }
  return out;
}

type Answer = { value: number } | { error: string; message: string };

export function benchmarkHandlers(deps: Deps) {
  return {
    async list(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, benchmarks } = deps();
      const principal = await verifier.optionalPrincipal(request.headers.get('authorization'));
      const params = parse(ListParams, queryObject(request, ['metric', 'segment', 'period', 'top', 'continuationToken', 'mine']), 'The query parameters are invalid.');
      const page = { top: params.top, continuationToken: params.continuationToken };
      const filter = { metric: params.metric, segment: params.segment, period: params.period };

      if (params.mine === 'true') {
        if (!principal) throw unauthorized('no bearer token');
        const own = await benchmarks.listOwn(principal.tenantId, page);
        return json(200, { items: own.items, ...(own.continuationToken ? { continuationToken: own.continuationToken } : {}) });
      }

      // Seeded rows first (they have no period), then the release's published peer rows.
      const phase = decodeCursor(params.continuationToken)?.s ?? (params.period ? 'peers' : 'rows');
      const items: (BenchmarkRow | PeerRow)[] = [];
      let continuationToken: string | undefined;
      let releasedAt: string | undefined;
      if (phase === 'mine') throw badRequest('The continuation token is invalid.', [{ path: 'continuationToken', message: 'belongs to the ?mine=true listing' }]);
      if (phase === 'rows') {
        const rows = await benchmarks.listRows(filter, page);
        items.push(...rows.items);
        continuationToken = rows.continuationToken;
      }
      if (phase === 'peers' || (phase === 'rows' && !continuationToken && items.length < params.top)) {
        const peers = await benchmarks.listPeers(filter, {
          top: params.top - items.length,
          continuationToken: phase === 'peers' ? params.continuationToken : undefined,
        });
        items.push(...peers.items);
        continuationToken = peers.continuationToken;
        releasedAt = peers.releasedAt;
      }
      return json(200, { items, ...(continuationToken ? { continuationToken } : {}), ...(releasedAt ? { releasedAt } : {}) });
    },

    async query(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, benchmarks } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const { queries } = parse(QueryBody, await readJson(request));
      // One lookup per distinct (metric, segment), and one peer read per registered metric, however many cells ask.
      const rows = new Map<string, Promise<BenchmarkRow | null>>();
      const peers = new Map<string, Promise<PeerRow[]>>();
      const lookup = async (metric: string, segment: string): Promise<BenchmarkRow | PeerRow | undefined> => {
        const key = JSON.stringify([nameKey(metric), nameKey(segment)]);
        if (!rows.has(key)) rows.set(key, benchmarks.find(metric, segment));
        const row = await rows.get(key)!;
        if (row) return row;
        const registered = benchmarks.registry.metric(metric);
        if (!registered) return undefined;
        if (!peers.has(registered.metric)) peers.set(registered.metric, benchmarks.peerRows({ metric: registered.metric }));
        const published = (await peers.get(registered.metric)!).filter((p) => nameKey(p.segment) === nameKey(segment));
        return published.sort((a, b) => laterPeriodFirst(a.period, b.period))[0];
      };
      const results: Answer[] = await Promise.all(
        queries.map(async (q): Promise<Answer> => {
          const segment = q.segment ?? DEFAULT_SEGMENT;
          const source = await lookup(q.metric, segment);
          if (!source) {
            // The same answer whether nobody or a few organizations contributed: withheld groups do not exist for readers.
            return benchmarks.registry.metric(q.metric)
              ? { error: 'not_found', message: `no published peer figures for "${q.metric}" in segment "${segment}"` }
              : { error: 'not_found', message: `unknown metric "${q.metric}" for segment "${segment}"` };
          }
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
      return json(202, {
        metric: saved.metric,
        segment: saved.segment,
        period: saved.period,
        unit: saved.unit,
        accepted: true,
        nextReleaseAt: saved.nextReleaseAt,
      });
    },
  };
}
