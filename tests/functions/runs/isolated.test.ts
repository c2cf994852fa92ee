/**
 * A run's calculation in a worker with a time and memory budget (functions/src/runs/isolated.ts):
 * the same outcome as calculating in the host, and a workbook that runs out of time or memory
 * fails its own run with the reason instead of taking the Functions host down.
 */
import { calculateRun } from '../../../functions/src/runs/calculate';
import { DEFAULT_RUN_MEMORY_MB, DEFAULT_RUN_TIMEOUT_SECONDS, calculateRunIsolated, runBudgetFromEnv } from '../../../functions/src/runs/isolated';
import { payoutWorkbook } from '../support/runs';

jest.setTimeout(120_000);

const run = { peopleTable: 'People', payoutColumn: 'Payout', period: '2025-07' };

it('gives the outcome the calculation gives in the host: totals, people, statements and payroll', async () => {
  const bytes = await payoutWorkbook([
    ['E1', 'Ann', 1000],
    ['E2', 'Ben', 2500.5],
  ]);
  const isolated = await calculateRunIsolated({ bytes, run }, { timeoutMs: 60_000, memoryMb: 512 });
  const inHost = await calculateRun(bytes, run);
  expect(isolated.status).toBe('calculated');
  if (isolated.status !== 'calculated' || inHost.status !== 'calculated') throw new Error('not calculated');
  expect(isolated.totals).toEqual({ payout: 3500.5, people: 2 });
  expect(isolated.results).toEqual(inHost.results);
  expect(isolated.payroll.csv).toBe(inHost.payroll.csv);
  expect(isolated.statements.map((s) => s.name)).toEqual(['row-2', 'row-3']);
  expect(Buffer.from(isolated.statements[0].xlsx).subarray(0, 2).toString()).toBe('PK');
});

it('a calculation past its time fails the run, saying so', async () => {
  const bytes = await payoutWorkbook(Array.from({ length: 2000 }, (_, i): [string, string, number] => [`E${i}`, `P${i}`, i]));
  const outcome = await calculateRunIsolated({ bytes, run }, { timeoutMs: 50, memoryMb: 512 });
  expect(outcome).toEqual({ status: 'failed', errors: [{ message: 'the calculation did not finish within 0.1 s (PERFPLAN_RUN_TIMEOUT_SECONDS)' }] });
});

it('a zh-CN run is told why in Chinese', async () => {
  const bytes = await payoutWorkbook(Array.from({ length: 2000 }, (_, i): [string, string, number] => [`E${i}`, `P${i}`, i]));
  const outcome = await calculateRunIsolated({ bytes, run: { ...run, language: 'zh-CN' } }, { timeoutMs: 50, memoryMb: 512 });
  expect(outcome).toEqual({ status: 'failed', errors: [{ message: '计算未在 0.1 秒内完成（PERFPLAN_RUN_TIMEOUT_SECONDS）' }] });
});

it('a calculation past its memory fails the run, saying so', async () => {
  const bytes = await payoutWorkbook(Array.from({ length: 20_000 }, (_, i): [string, string, number] => [`E${i}`, `Person ${i}`, i * 1.5]));
  const outcome = await calculateRunIsolated({ bytes, run }, { timeoutMs: 100_000, memoryMb: 8 });
  expect(outcome).toEqual({ status: 'failed', errors: [{ message: 'the calculation needed more than 8 MB (PERFPLAN_RUN_MEMORY_MB)' }] });
});

it('reads its budget from the app settings, with defaults below the Functions host limit', () => {
  expect(runBudgetFromEnv({})).toEqual({ timeoutMs: DEFAULT_RUN_TIMEOUT_SECONDS * 1000, memoryMb: DEFAULT_RUN_MEMORY_MB });
  expect(DEFAULT_RUN_TIMEOUT_SECONDS).toBeLessThan(300);
  expect(runBudgetFromEnv({ PERFPLAN_RUN_TIMEOUT_SECONDS: '90', PERFPLAN_RUN_MEMORY_MB: '2048' })).toEqual({ timeoutMs: 90_000, memoryMb: 2048 });
  expect(runBudgetFromEnv({ PERFPLAN_RUN_TIMEOUT_SECONDS: 'soon', PERFPLAN_RUN_MEMORY_MB: '-1' })).toEqual({ timeoutMs: DEFAULT_RUN_TIMEOUT_SECONDS * 1000, memoryMb: DEFAULT_RUN_MEMORY_MB });
});
