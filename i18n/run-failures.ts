/**
 * Why a payout run failed for good (functions/src/runs), in the run's language: its time or
 * memory budget ran out, its worker stopped early, every retry failed, or its payroll file could
 * not be made; and how a refused person without a name is pointed at (their row). App-setting
 * names stay as typed.
 */
import runFailures from './messages/run-failures.json';
import type { RunFailuresMessages } from './generated/messages';

export const RUN_FAILURES = runFailures as RunFailuresMessages;
