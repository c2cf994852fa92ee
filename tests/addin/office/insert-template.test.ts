/**
 * Templates → Insert into workbook: name-clash resolution (pure) and insertTemplate against
 * office-addin-mock (insertWorksheetsFromBase64 recorded by the mock data).
 */
import ExcelJS from 'exceljs';
import { insertTemplate, resolveSheetNames } from '../../../addin/office/insert-template';
import { isValidSheetName, sanitizeSheetName, uniqueSheetName } from '../../../addin/office/sheet-names';
import { readTemplateSheetNames, sheetNamesFromWorkbookXml, stripDataUrl } from '../../../addin/office/template-sheets';
import { createExcelMock } from './excel-mock';

describe('resolveSheetNames', () => {
  it('keeps free names and numbers clashing ones like Excel copies', () => {
    expect(resolveSheetNames(['Plan', 'Tiers'], ['Sheet1'])).toEqual(['Plan', 'Tiers']);
    expect(resolveSheetNames(['Plan', 'Tiers'], ['Plan'])).toEqual(['Plan (2)', 'Tiers']);
    expect(resolveSheetNames(['Plan'], ['Plan', 'Plan (2)', 'Plan (3)'])).toEqual(['Plan (4)']);
  });

  it('compares without regard to case', () => {
    expect(resolveSheetNames(['plan'], ['PLAN'])).toEqual(['plan (2)']);
    expect(resolveSheetNames(['Plan'], ['Plan', 'plan (2)'])).toEqual(['Plan (3)']);
  });

  it('continues a numbered name instead of nesting suffixes', () => {
    expect(resolveSheetNames(['Plan (2)'], ['Plan (2)'])).toEqual(['Plan (3)']);
  });

  it("never takes a name the template itself brings", () => {
    // "Plan (2)" is free and is the template's own sheet: the clashing "Plan" must skip it.
    expect(resolveSheetNames(['Plan', 'Plan (2)'], ['Plan'])).toEqual(['Plan (3)', 'Plan (2)']);
  });

  it('stays within 31 characters, suffix included', () => {
    const long = 'Quarterly incentive plan FY2025'; // 31 characters
    expect(long).toHaveLength(31);
    const [name] = resolveSheetNames([long], [long]);
    expect(name).toBe('Quarterly incentive plan FY (2)');
    expect(name).toHaveLength(31);
    expect(resolveSheetNames([long], [long, name])).toEqual(['Quarterly incentive plan FY (3)']);
    const many = Array.from({ length: 9 }, (_, i) => (i === 0 ? long : `Quarterly incentive plan FY (${i + 1})`));
    expect(resolveSheetNames([long], many)).toEqual(['Quarterly incentive plan F (10)']);
  });

  it('does not split a surrogate pair when shortening', () => {
    const name = `${'x'.repeat(26)}😀😀`; // 30 UTF-16 units
    const [resolved] = resolveSheetNames([name], [name]);
    expect(resolved).toBe(`${'x'.repeat(26)} (2)`);
    expect(isValidSheetName(resolved)).toBe(true);
  });

  it('replaces forbidden characters and avoids the reserved "History"', () => {
    expect(sanitizeSheetName('Q1/Q2: [draft]?*\\')).toBe('Q1_Q2_ _draft____');
    expect(sanitizeSheetName("'quoted'")).toBe('quoted');
    expect(sanitizeSheetName('   ')).toBe('Sheet');
    expect(resolveSheetNames(['History'], [])).toEqual(['History (2)']);
    expect(uniqueSheetName('Plan', new Set(['plan']))).toBe('Plan (2)');
    for (const name of resolveSheetNames(['a/b', 'History', "x'"], ['a_b'])) expect(isValidSheetName(name)).toBe(true);
  });

  it('gives every template sheet a distinct name', () => {
    const names = resolveSheetNames(['Plan', 'Plan (2)', 'Plan (3)'], ['Plan', 'Plan (2)', 'Plan (3)']);
    expect(names).toEqual(['Plan (4)', 'Plan (5)', 'Plan (6)']);
  });
});

describe('insertTemplate', () => {
  const BASE64 = 'UEsDBBQAAAAIAA==';

  /** Inserts the template's `sheetNames` into a workbook that has the sheets `existing`; Excel names the new sheets as `inserts` say. */
  async function insertInto(existing: string[], inserts: { id: string; name: string }[], sheetNames: string[]) {
    const h = createExcelMock({ sheets: Object.fromEntries(existing.map((name) => [name, {}])), inserts });
    return { h, inserted: await insertTemplate(h.context, BASE64, { sheetNames }) };
  }

  it('inserts the sheets at the end and keeps names that are free', async () => {
    const { h, inserted } = await insertInto(['Sheet1'], [{ id: 'new-1', name: 'Plan' }, { id: 'new-2', name: 'Tiers' }], ['Plan', 'Tiers']);

    expect(inserted).toEqual([
      { template: 'Plan', name: 'Plan', id: 'new-1' },
      { template: 'Tiers', name: 'Tiers', id: 'new-2' },
    ]);
    expect(h.callsOf('worksheets.load').map((c) => c.args)).toEqual([['items/name']]);
    expect(h.callsOf('insertWorksheetsFromBase64').map((c) => c.args)).toEqual([
      [BASE64, { sheetNamesToInsert: ['Plan', 'Tiers'], positionType: 'End' }],
    ]);
    expect(h.sheetNames()).toEqual(['Sheet1', 'Plan', 'Tiers']);
    expect(h.callsOf('activate')).toEqual([{ method: 'activate', sheet: 'Plan', args: [] }]);
  });

  it('renames inserted sheets whose names clash, whatever Excel named them', async () => {
    // Excel's own names for the copies differ from ours; the helper renames by id.
    const { h, inserted } = await insertInto(['Plan', 'Tiers'], [{ id: 'new-1', name: 'Plan (2)' }, { id: 'new-2', name: 'Tiers2' }, { id: 'new-3', name: 'Notes' }], ['Plan', 'Tiers', 'Notes']);

    expect(inserted.map((s) => s.name)).toEqual(['Plan (2)', 'Tiers (2)', 'Notes']);
    expect(h.sheet('new-1').name).toBe('Plan (2)');
    expect(h.sheet('new-2').name).toBe('Tiers (2)');
    expect(h.sheet('new-3').name).toBe('Notes');
    expect(h.sheetNames()).toEqual(['Plan', 'Tiers', 'Plan (2)', 'Tiers (2)', 'Notes']);
    // The existing sheets are never renamed.
    expect(h.sheet('Plan').name).toBe('Error, property was not loaded');
  });

  it('swaps names through temporary ones when Excel numbered the copies the other way', async () => {
    // Template: "Plan", "Plan (2)"; workbook has "Plan". Ours: "Plan (3)", "Plan (2)".
    // Excel (say) named them "Plan (2)" and "Plan (3)": a direct rename would collide.
    const { h, inserted } = await insertInto(['Plan'], [{ id: 'a', name: 'Plan (2)' }, { id: 'b', name: 'Plan (3)' }], ['Plan', 'Plan (2)']);
    expect(inserted).toEqual([
      { template: 'Plan', name: 'Plan (3)', id: 'a' },
      { template: 'Plan (2)', name: 'Plan (2)', id: 'b' },
    ]);
    expect(h.sheet('a').name).toBe('Plan (3)');
    expect(h.sheet('b').name).toBe('Plan (2)');
  });

  it('passes positionType and relativeTo, strips a data URL and can skip activation', async () => {
    const h = createExcelMock({ sheets: { Data: {} }, inserts: [{ id: 'n', name: 'Plan' }] });
    await insertTemplate(h.context, `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${BASE64}`, {
      sheetNames: ['Plan'],
      positionType: 'After',
      relativeTo: 'Data',
      activate: false,
    });
    expect(h.callsOf('insertWorksheetsFromBase64')[0].args).toEqual([
      BASE64,
      { sheetNamesToInsert: ['Plan'], positionType: 'After', relativeTo: 'Data' },
    ]);
    expect(h.callsOf('activate')).toEqual([]);
  });

  it('refuses bad options before touching the workbook', async () => {
    const h = createExcelMock({ sheets: { Data: {} } });
    await expect(insertTemplate(h.context, BASE64, { sheetNames: [] })).rejects.toThrow(/no sheets/);
    await expect(insertTemplate(h.context, BASE64, { sheetNames: ['Plan', 'PLAN'] })).rejects.toThrow(/twice/);
    await expect(insertTemplate(h.context, BASE64, { sheetNames: ['Plan'], positionType: 'Before' })).rejects.toThrow(/relativeTo/);
    expect(h.calls).toEqual([]);
  });

  it('fails when Excel inserts a different number of sheets', async () => {
    const h = createExcelMock({ sheets: { Data: {} }, inserts: [{ id: 'n', name: 'Plan' }] });
    await expect(insertTemplate(h.context, BASE64, { sheetNames: ['Plan', 'Tiers'] })).rejects.toThrow(/inserted 1 sheets; expected 2/);
  });

  it("reads the template's sheet names from the file when none are given", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan');
    workbook.addWorksheet('Tiers & Rates');
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const h = createExcelMock({
      sheets: { Plan: {} },
      inserts: [{ id: 'n1', name: 'Plan (2)' }, { id: 'n2', name: 'Tiers & Rates' }],
    });
    const inserted = await insertTemplate(h.context, base64);
    expect(inserted.map((s) => s.name)).toEqual(['Plan (2)', 'Tiers & Rates']);
    expect(h.callsOf('insertWorksheetsFromBase64')[0].args[1]).toEqual({
      sheetNamesToInsert: ['Plan', 'Tiers & Rates'],
      positionType: 'End',
    });
  });
});

describe('template sheet names', () => {
  it('reads names in tab order from an xlsx (base64 or data URL)', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['Read me', '计划', "Bob's <tiers>"]) workbook.addWorksheet(name);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await readTemplateSheetNames(base64)).toEqual(['Read me', '计划', "Bob's <tiers>"]);
    expect(await readTemplateSheetNames(`data:;base64,${base64}`)).toEqual(['Read me', '计划', "Bob's <tiers>"]);
  });

  it('parses prefixed workbook XML and entities', () => {
    const xml = `<x:workbook xmlns:x="…"><x:sheets><x:sheet name="A &amp; B" sheetId="1" r:id="rId1"/>
      <x:sheet sheetId="2" name='&#x8BA1;&#21010;' r:id="rId2"></x:sheet></x:sheets></x:workbook>`;
    expect(sheetNamesFromWorkbookXml(xml)).toEqual(['A & B', '计划']);
    expect(sheetNamesFromWorkbookXml('<workbook/>')).toEqual([]);
    expect(stripDataUrl('abc')).toBe('abc');
  });

  it('refuses a file that is not a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const base64 = await zip.generateAsync({ type: 'base64' });
    await expect(readTemplateSheetNames(base64)).rejects.toThrow(/not an xlsx/);
  });
});
