/**
 * The built-in tiered-commission template: it calculates headlessly, its outputs equal a
 * hand computation of the same tiers, and its cached values equal a fresh calculation.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import * as fs from 'fs';
import { calcFile, toJson } from '../../calc/book';
import { buildTemplate } from '../../library/templates';
import { SALES, TIERS, tieredCommission } from '../../library/templates/tiered-commission';
import { tempDir } from '../support/workbook';

/** Marginal and retro commission computed directly from the tier table. */
function byHand(amount: number, method: 'marginal' | 'retro'): number {
  let commission = 0;
  let reached = 0;
  TIERS.forEach(([threshold, rate], i) => {
    const next = i + 1 < TIERS.length ? TIERS[i + 1][0] : Infinity;
    if (amount >= threshold) reached = rate;
    commission += Math.max(0, Math.min(amount, next) - threshold) * rate;
  });
  return method === 'marginal' ? commission : amount * reached;
}

describe('template: tiered-commission-plan', () => {
  let file: string;
  let json: Record<string, unknown>;

  beforeAll(async () => {
    file = path.join(tempDir(), 'tiered.xlsx');
    fs.writeFileSync(file, await buildTemplate(tieredCommission));
    json = toJson(await calcFile(file));
  });

  it('has no error cells', () => {
    const errors = Object.entries(json).filter(([, v]) => typeof v === 'object' && v !== null && 'error' in v);
    expect(errors).toEqual([]);
  });

  it('spills one marginal commission per salesperson, equal to the hand computation', () => {
    SALES.forEach(([, sales], i) => expect(json[`Team!C${2 + i}`]).toBeCloseTo(byHand(sales, 'marginal'), 6));
  });

  it('summarizes both methods', () => {
    const total = (method: 'marginal' | 'retro') => SALES.reduce((s, [, sales]) => s + byHand(sales, method), 0);
    expect(json['Summary!B3']).toBeCloseTo(total('marginal'), 6);
    expect(json['Summary!B4']).toBeCloseTo(total('marginal'), 6);
    expect(json['Summary!B5']).toBeCloseTo(total('retro'), 6);
  });

  it('stores cached values equal to a fresh perfplan calc of the file', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cached: Record<string, unknown> = {};
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // cell.result, not cell.value.result: exceljs drops falsy results (0, FALSE) from .value.
          if (cell.type === ExcelJS.ValueType.Formula) cached[`${sheet.name}!${cell.address}`] = cell.result;
        }),
      ),
    );
    expect(Object.keys(cached).length).toBeGreaterThan(10);
    for (const [key, value] of Object.entries(cached)) expect(value).toEqual(json[key]);
  });

  it('names its key inputs and builds the same bytes every time', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const names = (workbook.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['CommissionTiers', 'CommissionMethod', 'TeamSales']));
    // Zip entries carry timestamps: wait past the 2-second DOS resolution, the bytes must not change.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await buildTemplate(tieredCommission)).equals(fs.readFileSync(file))).toBe(true);
  });
});
