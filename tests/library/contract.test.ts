/**
 * The built-in template library as a whole: at least the 18 templates issue 4 names, every
 * rule of the domain digest carried by at least one template cell (so a rule cannot
 * silently vanish), each built workbook accepted by the API's own upload validation, and
 * every template published by the seed (over HTTP, as the publisher) and downloadable from the API.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { tempDir } from '../support/workbook';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../../library/templates';
import { DIGEST_RULES, DigestRuleId } from '../../library/kit/rules';
import { checkWorkbookBytes } from '../../functions/src/templates/workbook-check';
import { ApiHarness, seedOverHttp, startApi } from '../functions/support/api';
import { toAddress } from '../../workbook/a1';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';

const built = new Map<string, Buffer>();

beforeAll(async () => {
  for (const template of BUILT_IN_TEMPLATES) built.set(template.metadata.id, await buildTemplate(template));
}, 300_000);

it('has at least 18 templates with unique ids, covering every category', () => {
  const ids = BUILT_IN_TEMPLATES.map((t) => t.metadata.id);
  expect(ids.length).toBeGreaterThanOrEqual(18);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.metadata.category))).toEqual(new Set(['scorecard', 'incentive', 'cost-benefit', 'budget', 'simulation', 'channel']));
});

describe('every digest rule maps to a template cell', () => {
  const carriers = new Map<DigestRuleId, string[]>();
  for (const template of BUILT_IN_TEMPLATES) {
    for (const { rule, sheet, cell } of template.rules) carriers.set(rule, [...(carriers.get(rule) ?? []), `${template.metadata.id}: ${sheet}!${cell}`]);
  }

  it.each(Object.keys(DIGEST_RULES) as DigestRuleId[])('%s', (rule) => {
    expect(carriers.get(rule) ?? []).not.toEqual([]);
  });

  it('each rule cell exists and is not empty in the built workbook', async () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(built.get(template.metadata.id)! as never);
      for (const { rule, sheet, cell } of template.rules) {
        const worksheet = workbook.getWorksheet(sheet);
        expect([template.metadata.id, rule, sheet, worksheet !== undefined]).toEqual([template.metadata.id, rule, sheet, true]);
        const target = worksheet!.getCell(cell);
        const empty = target.value === null || target.value === undefined || target.value === '';
        expect([template.metadata.id, rule, `${sheet}!${cell}`, empty]).toEqual([template.metadata.id, rule, `${sheet}!${cell}`, false]);
      }
    }
  });
});

it('every built workbook passes the API upload validation', async () => {
  for (const [id, bytes] of built) await expect(checkWorkbookBytes(bytes).then(() => id)).resolves.toBe(id);
});

/** LibreOffice, when this machine has it (.ci/run installs it; elsewhere the check is skipped). */
const office = ['soffice', 'libreoffice']
  .map((name) => (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file)))
  .find(Boolean);

(office ? it : it.skip)('real spreadsheet software reads every template: LibreOffice headless converts each to PDF', () => {
  const dir = tempDir('perfplan-pdf-');
  const files = [...built].map(([id, bytes]) => {
    const file = path.join(dir, `${id}.xlsx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  // A private profile: no clash with another running soffice, nothing left in $HOME.
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  const run = spawnSync(office!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  expect([run.status, run.stderr.match(/error/i)?.[0] ?? null]).toEqual([0, null]);
  for (const id of built.keys()) expect(fs.statSync(path.join(dir, `${id}.pdf`)).size).toBeGreaterThan(1000);
}, 600_000);

/** One CSV line → fields (LibreOffice quotes fields holding commas or quotes, and numbers). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

/** What LibreOffice printed, as a value: "5.47763057501561%" → 0.0547763057501561, "¥1,200" → 1200. */
function shownValue(text: string): number | string {
  const number = text.replace(/^[¥$]/, '').replace(/,/g, '');
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?%$/i.test(number)) return Number(number.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(number)) return Number(number);
  return text;
}

(office ? it : it.skip)(
  'LibreOffice shows the cached value of every formula cell, except the add-in calls it cannot compute (it recalculates array formulas on load)',
  () => {
    const dir = tempDir('perfplan-csv-');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const mismatches: string[] = [];
    let compared = 0;
    for (const [id, bytes] of built) {
      const file = path.join(dir, `${id}.xlsx`);
      fs.writeFileSync(file, bytes);
      // Every sheet to CSV in UTF-8 (filter options: "," "\"" UTF-8, all sheets = -1).
      const run = spawnSync(office!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false,false,false,-1', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(run.status).toBe(0);
      const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
      for (const sheet of model.sheets) {
        const csv = fs.readFileSync(path.join(dir, `${id}-${sheet.name}.csv`), 'utf8').split('\n').map(csvFields);
        for (const f of sheet.formulas) {
          const area = f.ref ?? { top: f.row, left: f.col, bottom: f.row, right: f.col };
          for (let r = area.top; r <= area.bottom; r++) {
            for (let c = area.left; c <= area.right; c++) {
              const cached = r === f.row && c === f.col ? f.cached : sheet.rows[r]?.[c];
              const shown = shownValue(csv[r - 1]?.[c - 1] ?? '');
              const where = `${id} ${sheet.name}!${toAddress(r, c)}`;
              compared++;
              if (/_xldudf_PERF_/i.test(f.text)) {
                if (shown !== '#NAME?') mismatches.push(`${where}: LibreOffice shows ${JSON.stringify(shown)} for an add-in call`);
                continue;
              }
              const expected = typeof cached === 'object' ? cached.error : typeof cached === 'boolean' ? (cached ? 'TRUE' : 'FALSE') : cached ?? '';
              const same = typeof expected === 'number' && typeof shown === 'number' ? Math.abs(expected - shown) <= 1e-12 * Math.max(1, Math.abs(expected)) : expected === shown;
              if (!same) mismatches.push(`${where} (${f.text}): ours ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(shown)}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  },
  600_000,
);

describe('published by the seed and downloadable', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    await seedOverHttp(api);
  }, 300_000);
  afterAll(() => api.close());

  it('lists every template and serves its exact bytes', async () => {
    const items = (await (await fetch(`${api.url}/templates`)).json()).items as { id: string; sha256: string; downloadUrl: string }[];
    expect(items.map((i) => i.id).sort()).toEqual([...built.keys()].sort());
    for (const item of items) {
      const bytes = Buffer.from(await (await fetch(item.downloadUrl)).arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
      expect(bytes.equals(built.get(item.id)!)).toBe(true);
    }
  });
});
