/**
 * The contract every built-in template keeps, checked once over the whole library (issue 9):
 * it says what it is in both languages; it is stored as Excel stores it; the values cached in
 * the file are the ones a fresh `perfplan calc` computes; two builds give the same bytes; each
 * rule it claims lives in a non-empty cell; every workbook name points at cells that hold
 * something; the API's upload validation accepts it; it opens with instructions in both
 * languages; its charts draw filled cells. And for the library as a whole: every digest rule
 * has a home, LibreOffice opens every file and shows the cached values, the seed publishes
 * every template (over HTTP, as the publisher) and the API serves its exact bytes.
 *
 * Each template's own test file holds only what is specific to it: its arithmetic, with the
 * rules it cites.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { tempDir } from '../support/workbook';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../../library/templates';
import { DIGEST_RULES, DigestRuleId, INSTRUCTIONS, WITHOUT_ADDIN } from '../../library/kit';
import { checkWorkbookBytes } from '../../functions/src/templates/workbook-check';
import { ApiHarness, seedOverHttp, startApi } from '../functions/support/api';
import { uncomputableInLibreOffice } from './support/libreoffice';
import { BuiltTemplate, built } from './support/built';
import { formulaCells } from '../support/library-formula-cells';
import { calcBytes, toJson } from '../../calc/book';
import { appendTableRow } from '../../workbook/table-rows';
import { ZipArchive } from '../../workbook/zip';
import { readWorkbookModel } from '../../workbook/read';
import { Area, parseArea, toAddress } from '../../workbook/a1';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import type { CellValue } from '../../workbook/read';

const library = new Map<string, BuiltTemplate & { rebuilt: Buffer }>();

/** Templates with no rows a user adds, so no table: Monte Carlo's rows are trials, as many as its trial count. */
const WITHOUT_TABLES = ['monte-carlo-roi'];

beforeAll(async () => {
  const first = new Map<string, BuiltTemplate>();
  for (const template of BUILT_IN_TEMPLATES) first.set(template.metadata.id, await built(template));
  // Zip entries carry timestamps: build again past the 2-second DOS resolution, the bytes must not change.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  for (const template of BUILT_IN_TEMPLATES) library.set(template.metadata.id, { ...first.get(template.metadata.id)!, rebuilt: await buildTemplate(template) });
}, 600_000);

/** "Sheet!$A$1:$B$9" (or 'Sheet name'!…) → the sheet and the area. */
function reference(text: string): { sheet: string; area: Area } | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(text);
  return match ? { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), area: parseArea(match[3].replace(/\$/g, '')) } : undefined;
}

/** The addresses of an area, "Sheet!A1" style. */
function cells(sheet: string, area: Area): string[] {
  const out: string[] = [];
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) out.push(`${sheet}!${toAddress(r, c)}`);
  return out;
}

/** A cached value as `perfplan calc --json` writes it (errors by code; an empty string is no value). */
function asJson(value: CellValue | undefined): unknown {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'object' ? value.error : value;
}

describe.each(BUILT_IN_TEMPLATES.map((t) => [t.metadata.id, t] as const))('%s', (id, template) => {
  const get = () => library.get(id)!;

  it('says what it is in both languages, under a valid id and one of the categories', () => {
    const { metadata } = template;
    expect(metadata.id).toMatch(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/);
    expect(['scorecard', 'incentive', 'cost-benefit', 'budget', 'simulation', 'channel']).toContain(metadata.category);
    for (const text of [metadata.title, metadata.description]) {
      expect(text.en).toMatch(/[A-Za-z]/);
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(metadata.tags.length).toBeGreaterThan(0);
  });

  it('is stored the way Excel stores a workbook (format checker)', () => {
    expect(checkExcelForm(get().bytes, nodeCodec)).toEqual([]);
  });

  it('calculates headlessly with no error cells', () => {
    expect(Object.entries(get().json).filter(([, v]) => typeof v === 'object')).toEqual([]);
  });

  it('caches in the file the values a fresh perfplan calc computes', () => {
    const { model, json } = get();
    const mismatches: string[] = [];
    let compared = 0;
    for (const sheet of model.sheets) {
      for (const { r, c, cached } of formulaCells(sheet)) {
        const key = `${sheet.name}!${toAddress(r, c)}`;
        const fresh = json[key];
        compared++;
        if (asJson(cached) !== (typeof fresh === 'object' ? fresh.error : fresh)) mismatches.push(`${key}: cached ${JSON.stringify(cached)}, calculated ${JSON.stringify(fresh)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(10);
  });

  it('builds the same bytes every time', () => {
    expect(get().rebuilt.equals(get().bytes)).toBe(true);
  });

  it('keeps every rule it carries, each a digest rule, in a non-empty cell', () => {
    expect(template.rules.length).toBeGreaterThan(0);
    for (const { rule, sheet, cell } of template.rules) {
      expect(Object.keys(DIGEST_RULES)).toContain(rule);
      expect([rule, `${sheet}!${cell}`, get().json[`${sheet}!${cell}`] !== undefined]).toEqual([rule, `${sheet}!${cell}`, true]);
    }
  });

  it('names only ranges that exist and hold something, with names Excel accepts', () => {
    const { model, json } = get();
    const sheets = model.sheets.map((s) => s.name);
    expect(model.definedNames.length).toBeGreaterThan(0);
    for (const { name, text } of model.definedNames) {
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      const target = reference(text);
      expect([name, text, target !== undefined && sheets.includes(target.sheet)]).toEqual([name, text, true]);
      expect([name, cells(target!.sheet, target!.area).some((key) => json[key] !== undefined)]).toEqual([name, true]);
    }
  });

  it('passes the API upload validation', async () => {
    await expect(checkWorkbookBytes(get().bytes)).resolves.toBeUndefined();
  });

  it('opens with Instructions in its language: its title, what it is for and what Excel shows without the add-in', () => {
    const { json, model } = get();
    const last = model.sheets[0].rows.length - 1;
    if (template.language === 'bilingual') {
      expect(model.sheets[0].name).toBe('Instructions');
      expect([json['Instructions!A1'], json['Instructions!B1']]).toEqual([template.metadata.title.en, template.metadata.title.zh]);
      expect(json['Instructions!A3']).toMatch(/^What it is for: /);
      expect(json['Instructions!B3']).toMatch(/^用途：/);
      expect([json[`Instructions!A${last}`], json[`Instructions!B${last}`]]).toEqual([WITHOUT_ADDIN['en-US'], WITHOUT_ADDIN['zh-CN']]);
      return;
    }
    const locale = template.language;
    const sheet = INSTRUCTIONS[locale];
    expect(model.sheets[0].name).toBe(sheet);
    expect(json[`${sheet}!A1`]).toBe(locale === 'en-US' ? template.metadata.title.en : template.metadata.title.zh);
    expect(json[`${sheet}!A3`]).toMatch(locale === 'en-US' ? /^What it is for: / : /^用途：/);
    expect(json[`${sheet}!A${last}`]).toBe(WITHOUT_ADDIN[locale]);
    // Everything on the sheet is in its language: no Chinese in an English workbook's instructions, and the other way round.
    const texts = Object.entries(json).filter(([key]) => key.startsWith(`${sheet}!`)).map(([, v]) => String(v));
    if (locale === 'en-US') expect(texts.filter((text) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
    else expect(texts.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });

  it('speaks its language: an English workbook holds no Chinese in any cell', () => {
    if (template.language !== 'en-US') return;
    expect(Object.entries(get().json).filter(([, v]) => typeof v === 'string' && /[\u3400-\u9fff\uff00-\uffef]/.test(v))).toEqual([]);
  });

  it('grows with its tables: one typed row reaches every result beside the table and every total it feeds, no formula edited', async () => {
    const { model, bytes, json } = get();
    const tables = model.sheets.flatMap((s) => s.tables);
    if (template.language === 'bilingual' || WITHOUT_TABLES.includes(template.family)) return expect(tables).toEqual([]);
    expect(tables.length).toBeGreaterThan(0);
    expect((template.growth ?? []).map((g) => g.table).sort()).toEqual(tables.map((t) => t.name).sort());
    for (const growth of template.growth ?? []) {
      const table = tables.find((t) => t.name === growth.table)!;
      const sheet = model.sheets.find((s) => s.tables.includes(table))!;
      const lastRow = table.ref.bottom - table.totalsRowCount;
      const grown = appendTableRow(bytes, nodeCodec, growth.table, growth.row);
      const after = toJson(await calcBytes(grown));
      expect([growth.table, Object.entries(after).filter(([, v]) => typeof v === 'object')]).toEqual([growth.table, []]);
      // Every spill beside the table over exactly its data rows now covers the new row too.
      const beside = sheet.formulas.filter((f) => f.kind === 'dynamic' && f.ref && f.ref.top === table.ref.top + 1 && f.ref.bottom === lastRow && f.col > table.ref.right);
      for (const f of beside) {
        for (let c = f.ref!.left; c <= f.ref!.right; c++) expect([growth.table, `${sheet.name}!${toAddress(lastRow + 1, c)}`, after[`${sheet.name}!${toAddress(lastRow + 1, c)}`] !== undefined]).toEqual([growth.table, `${sheet.name}!${toAddress(lastRow + 1, c)}`, true]);
      }
      for (const cell of growth.changes) expect([growth.table, cell, after[cell] !== json[cell]]).toEqual([growth.table, cell, true]);
      // No formula was edited: the grown workbook holds the same formula texts plus the new row's calculated cells.
      const grownModel = readWorkbookModel(ZipArchive.read(grown), nodeCodec);
      const texts = (m: typeof model) => m.sheets.flatMap((s) => s.formulas.map((f) => f.text)).sort();
      const calculated = table.columns.flatMap((c) => (c.calculatedColumnFormula === undefined ? [] : [c.calculatedColumnFormula]));
      expect(texts(grownModel)).toEqual([...texts(model), ...calculated].sort());
    }
  }, 120_000);

  it('draws its charts from filled cells', () => {
    for (const chart of template.charts ?? []) {
      for (const text of [chart.categories, ...chart.series.map((s) => s.values)]) {
        const target = reference(text);
        expect([chart.title, text, target !== undefined]).toEqual([chart.title, text, true]);
        for (const key of cells(target!.sheet, target!.area)) expect([chart.title, key, get().json[key] !== undefined]).toEqual([chart.title, key, true]);
      }
    }
  });
});

it('has at least 23 templates (families: an en and a zh variant count once) with unique ids, covering every category; each written in one language comes in English and in Chinese', () => {
  const ids = BUILT_IN_TEMPLATES.map((t) => t.metadata.id);
  expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.family)).size).toBeGreaterThanOrEqual(23);
  // Every template is published as an English and a Chinese workbook (README: why).
  expect(BUILT_IN_TEMPLATES.filter((t) => t.language === 'bilingual').map((t) => t.metadata.id)).toEqual([]);
  const split = BUILT_IN_TEMPLATES.filter((t) => t.language !== 'bilingual');
  expect(split.map((t) => `${t.family} ${t.language}`).sort()).toEqual([...new Set(split.map((t) => t.family))].flatMap((f) => [`${f} en-US`, `${f} zh-CN`]).sort());
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
});

/** LibreOffice, when this machine has it (.ci/run installs it; elsewhere the check is skipped). */
const office = ['soffice', 'libreoffice']
  .map((name) => (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file)))
  .find(Boolean);

(office ? it : it.skip)('real spreadsheet software reads every template: LibreOffice headless converts each to PDF', () => {
  const dir = tempDir('perfplan-pdf-');
  const files = [...library].map(([id, { bytes }]) => {
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
  for (const id of library.keys()) expect(fs.statSync(path.join(dir, `${id}.pdf`)).size).toBeGreaterThan(1000);
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
  'LibreOffice shows the cached value of every formula cell, except the add-in calls and spill references it cannot compute and the arrays reading them (it recalculates array formulas on load)',
  () => {
    const dir = tempDir('perfplan-csv-');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const mismatches: string[] = [];
    let compared = 0;
    for (const [id, { bytes, model }] of library) {
      const dependent = uncomputableInLibreOffice(model);
      const file = path.join(dir, `${id}.xlsx`);
      fs.writeFileSync(file, bytes);
      // Every sheet to CSV in UTF-8 (filter options: "," "\"" UTF-8, all sheets = -1).
      const run = spawnSync(office!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false,false,false,-1', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(run.status).toBe(0);
      for (const sheet of model.sheets) {
        const csv = fs.readFileSync(path.join(dir, `${id}-${sheet.name}.csv`), 'utf8').split('\n').map(csvFields);
        for (const { f, r, c, cached } of formulaCells(sheet)) {
          const shown = shownValue(csv[r - 1]?.[c - 1] ?? '');
          const where = `${id} ${sheet.name}!${toAddress(r, c)}`;
          compared++;
          if (/_xldudf_PERF_/i.test(f.text)) {
            if (shown !== '#NAME?') mismatches.push(`${where}: LibreOffice shows ${JSON.stringify(shown)} for an add-in call`);
            continue;
          }
          const expected = typeof cached === 'object' ? cached.error : typeof cached === 'boolean' ? (cached ? 'TRUE' : 'FALSE') : cached ?? '';
          // LibreOffice recalculates array formulas; one that calls the add-in, reads a spill (_xlfn.ANCHORARRAY)
          // or reads either shows an error there, unless its value does not need them (IF(veto, 0, …)); never another number.
          if (f.kind !== 'plain' && dependent.has(`${sheet.name}!${toAddress(r, c)}`) && typeof shown === 'string' && /^(#|Err:)/.test(shown)) continue;
          const same = typeof expected === 'number' && typeof shown === 'number' ? Math.abs(expected - shown) <= 1e-12 * Math.max(1, Math.abs(expected)) : expected === shown;
          if (!same) mismatches.push(`${where} (${f.text}): ours ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(shown)}`);
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
    expect(items.map((i) => i.id).sort()).toEqual([...library.keys()].sort());
    for (const item of items) {
      const bytes = Buffer.from(await (await fetch(item.downloadUrl)).arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
      expect(bytes.equals(library.get(item.id)!.bytes)).toBe(true);
    }
  });
});
