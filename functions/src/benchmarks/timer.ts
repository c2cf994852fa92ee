/**
 * The scheduled release as an Azure Functions timer (daily, 00:00 UTC): it brings the peer
 * release up to date (release.ts). Reads catch up on their own when it has not run yet — the
 * local host runs no timers — so the timer makes releases punctual, not possible.
 *
 * Registration (in the app's entry point, beside the HTTP routes):
 *   registerBenchmarkRelease(app);
 */
import type { InvocationContext, Timer, TimerFunctionOptions } from '@azure/functions';
import { Dependencies, sharedDependencies } from '../dependencies';
import { DAILY_NCRONTAB, ReleaseSummary } from './release';

export const BENCHMARK_RELEASE_FUNCTION = 'benchmarksRelease';

/** The timer function's options (schedule and handler). */
export function benchmarkReleaseTimer(deps: () => Dependencies = sharedDependencies): TimerFunctionOptions {
  return {
    schedule: DAILY_NCRONTAB,
    // A cold start after a missed schedule releases straight away instead of waiting for a reader.
    runOnStartup: true,
    handler: async (_timer: Timer, context: InvocationContext): Promise<void> => {
      const summary = await deps().benchmarks.releases.ensureCurrent();
      context.log(describeRelease(summary));
    },
  };
}

/** app.timer(...) for the release; `app` is @azure/functions' app (injected, so tests need no runtime). */
export function registerBenchmarkRelease(app: { timer(name: string, options: TimerFunctionOptions): void }, deps?: () => Dependencies): void {
  app.timer(BENCHMARK_RELEASE_FUNCTION, benchmarkReleaseTimer(deps));
}

export function describeRelease(summary: ReleaseSummary | null): string {
  if (!summary) return 'benchmark release: up to date, nothing due';
  const decisions = Object.entries(summary.decisions ?? {})
    .map(([decision, count]) => `${decision} ${count}`)
    .join(', ');
  return `benchmark release ${summary.releaseId}: ${summary.status}${decisions ? ` (${decisions}; ${summary.published ?? 0} groups published)` : ''}`;
}
