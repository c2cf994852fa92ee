/**
 * `perfplan seed` (npm run seed): publishes the built-in templates (library/templates/)
 * and the benchmark rows (functions/data/benchmarks.json) into the configured storage —
 * through the same stores and the same workbook validation the API uses.
 *
 * Templates: missing → created; changed (different bytes) → a new version; unchanged or
 * deleted by an admin → left alone. Benchmark rows are upserted by (metric, segment).
 */
import * as fs from 'fs';
import * as path from 'path';
import { BenchmarkRowInput } from '../functions/src/benchmarks/model';
import { Dependencies, createDependencies } from '../functions/src/dependencies';
import { checkWorkbookBytes } from '../functions/src/templates/workbook-check';
import { sha256Hex } from '../functions/src/templates/store';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../library/templates';
import type { Io } from './io';

export const BENCHMARKS_FILE = path.resolve(__dirname, '..', '..', 'functions', 'data', 'benchmarks.json');

function benchmarksFile(): string {
  // From dist/cli the repo root is two levels up; from cli/ (ts-node, tests) one.
  const candidates = [BENCHMARKS_FILE, path.resolve(__dirname, '..', 'functions', 'data', 'benchmarks.json')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error('functions/data/benchmarks.json not found');
  return found;
}

export function loadBenchmarkRows(): BenchmarkRowInput[] {
  return (JSON.parse(fs.readFileSync(benchmarksFile(), 'utf8')) as { rows: BenchmarkRowInput[] }).rows;
}

export interface SeedReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  skippedDeleted: string[];
  benchmarkRows: number;
}

export async function seed(deps: Dependencies, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const report: SeedReport = { created: [], updated: [], unchanged: [], skippedDeleted: [], benchmarkRows: 0 };
  for (const template of BUILT_IN_TEMPLATES) {
    const bytes = await buildTemplate(template);
    await checkWorkbookBytes(bytes);
    const { id } = template.metadata;
    const existing = await deps.templates.get(id);
    if (!existing) {
      await deps.templates.create(template.metadata, bytes);
      report.created.push(id);
    } else if (existing.record.deleted) {
      report.skippedDeleted.push(id);
    } else if (existing.record.sha256 === sha256Hex(bytes)) {
      report.unchanged.push(id);
    } else {
      await deps.templates.update(id, template.metadata, bytes, existing.record.etag);
      report.updated.push(id);
    }
  }
  report.benchmarkRows = await deps.benchmarks.upsertRows(loadBenchmarkRows());
  log(
    `seeded templates: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged` +
      `${report.skippedDeleted.length ? `, ${report.skippedDeleted.length} left deleted` : ''}; benchmark rows: ${report.benchmarkRows}`,
  );
  return report;
}

/** True when storage holds no template and no benchmark yet (npm start seeds only then). */
export async function storageIsEmpty(deps: Dependencies): Promise<boolean> {
  const [templates, benchmarks] = await Promise.all([deps.templates.isEmpty(), deps.benchmarks.isEmpty()]);
  return templates && benchmarks;
}

export async function seedCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help')) {
    io.out('Usage: perfplan seed   (storage from PERFPLAN_STORAGE / AzureWebJobsStorage, default UseDevelopmentStorage=true)\n');
    return 0;
  }
  try {
    await seed(createDependencies(), (line) => io.out(`${line}\n`));
    return 0;
  } catch (error) {
    io.err(`perfplan seed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
