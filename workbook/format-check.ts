/**
 * Checks that a package is stored the way Excel 365 stores it — the conventions of
 * shared/platform-facts ("Excel's file format") as one list of problems, empty when none:
 *   - no add-in call as plain text (`PERF.X(` opens as #NAME? and is never rebound);
 *   - every add-in call and every array formula a dynamic array, with its metadata part,
 *     content type and relationship;
 *   - no two array ranges overlap, and no array covers another formula;
 *   - `<calcPr calcId="191029"/>` without fullCalcOnLoad;
 *   - the add-in binding lists every custom function used and opens the task pane;
 *   - every newer function carries its `_xlfn.` prefix, in cells, conditional formats,
 *     data validations, defined names and table formulas;
 *   - every formula cell carries a cached value.
 * Every workbook we write is run through it by the tests.
 */
import { Area, areaRef, overlaps, toAddress } from './a1';
import { AUTO_SHOW_PROPERTY, CUSTOM_FUNCTION_LIST_URI, customFunctionIdsIn } from './addin-binding';
import { METADATA_CONTENT_TYPE } from './dynamic-arrays';
import { tokenizeFormula } from './formula-text';
import { futurePrefix } from './future-functions';
import { contentTypeOf, isRelationship, readRelationships, workbookPartName } from './package';
import { readWorkbookModel } from './read';
import { attributes, decodeEntities, elements } from './xml';
import { ZipArchive, ZipCodec } from './zip';

export interface FormatCheckOptions {
  addinNamespaces?: readonly string[];
  /** Require the add-in binding when the workbook calls the add-in (default true). */
  requireBinding?: boolean;
  /** Require a cached value in every formula cell (default true). */
  requireCachedValues?: boolean;
}

/** Problems found in one stored formula's text (where = "Sheet!A1", "defined name X", …). */
function formulaProblems(text: string, where: string, namespaces: readonly string[]): string[] {
  const problems: string[] = [];
  for (const token of tokenizeFormula(text)) {
    if (token.kind === 'spill') problems.push(`${where}: a spill reference "#" must be stored as _xlfn.ANCHORARRAY(…)`);
    if (token.kind === 'at') problems.push(`${where}: implicit intersection "@" must be stored as _xlfn.SINGLE(…)`);
    if (token.kind !== 'function') continue;
    const name = token.text;
    const dot = name.indexOf('.');
    if (dot > 0 && namespaces.some((ns) => ns.toLowerCase() === name.slice(0, dot).toLowerCase())) {
      problems.push(`${where}: ${name}( is stored as plain text (Excel shows #NAME?); it must be _xldudf_${name.replace('.', '_')}(`);
      continue;
    }
    const bare = name.replace(/^(?:_xlfn\.|_xlws\.)+/i, '');
    const prefix = futurePrefix(bare);
    if (prefix && !name.toLowerCase().startsWith(prefix.toLowerCase())) {
      problems.push(`${where}: ${bare} needs its stored prefix ${prefix}${bare.toUpperCase()}`);
    }
  }
  return problems;
}

const OTHER_FORMULAS = /<((?:\w+:)?(?:formula|formula1|formula2|f))>([^<]*)<\/\1>/g;

export function checkExcelForm(bytes: Uint8Array, codec: ZipCodec, options: FormatCheckOptions = {}): string[] {
  const namespaces = options.addinNamespaces ?? ['PERF'];
  const problems: string[] = [];
  const zip = ZipArchive.read(bytes);
  const model = readWorkbookModel(zip, codec);
  const stored: string[] = [];
  const addinCall = new RegExp(`(^|[^A-Za-z0-9_.])_xldudf_(?:${namespaces.join('|')})_`, 'i');

  let dynamicArrays = 0;
  for (const sheet of model.sheets) {
    const arrays: { area: Area; at: string }[] = [];
    for (const f of sheet.formulas) {
      const at = `${sheet.name}!${toAddress(f.row, f.col)}`;
      stored.push(f.text);
      problems.push(...formulaProblems(f.text, at, namespaces));
      if (f.kind === 'dynamic') dynamicArrays++;
      if (addinCall.test(f.text) && f.kind !== 'dynamic') problems.push(`${at}: an add-in call must be stored as a dynamic array (cm + t="array"), not ${f.kind === 'array' ? 'a legacy array' : 'a plain formula'}`);
      if (f.kind === 'array') problems.push(`${at}: a legacy Ctrl+Shift+Enter array (no dynamic-array cell metadata)`);
      if (f.ref && f.kind !== 'plain') arrays.push({ area: f.ref, at });
      if (options.requireCachedValues !== false && f.cached === undefined) problems.push(`${at}: formula cell without a cached value`);
    }
    for (let i = 0; i < arrays.length; i++) {
      for (let j = i + 1; j < arrays.length; j++) {
        if (overlaps(arrays[i].area, arrays[j].area)) {
          problems.push(`${sheet.name}: array ${arrays[i].at} (${areaRef(arrays[i].area)}) overlaps array ${arrays[j].at} (${areaRef(arrays[j].area)})`);
        }
      }
    }
    for (const { area, at } of arrays) {
      for (const f of sheet.formulas) {
        const inside = f.row >= area.top && f.row <= area.bottom && f.col >= area.left && f.col <= area.right;
        if (inside && !(f.row === area.top && f.col === area.left)) problems.push(`${sheet.name}: array ${at} (${areaRef(area)}) covers the formula at ${toAddress(f.row, f.col)}`);
      }
    }
    for (const table of sheet.tables) {
      for (const column of table.columns) {
        for (const text of [column.calculatedColumnFormula, column.totalsRowFormula]) {
          if (text === undefined) continue;
          stored.push(text);
          problems.push(...formulaProblems(text, `table ${table.name}[${column.name}]`, namespaces));
        }
      }
    }
    const xml = zip.text(sheet.part, codec);
    const dataEnd = xml.indexOf('</sheetData>');
    const rest = dataEnd < 0 ? xml : xml.slice(dataEnd);
    OTHER_FORMULAS.lastIndex = 0;
    for (let m = OTHER_FORMULAS.exec(rest); m; m = OTHER_FORMULAS.exec(rest)) {
      const text = decodeEntities(m[2]);
      stored.push(text);
      problems.push(...formulaProblems(text, `${sheet.name} (conditional format or validation)`, namespaces));
    }
  }
  for (const name of model.definedNames) {
    stored.push(name.text);
    problems.push(...formulaProblems(name.text, `defined name ${name.name}`, namespaces));
  }

  if (model.calcId !== 191029) problems.push(`workbook: calcId is ${model.calcId ?? 'missing'}, not Excel 365's 191029 (Excel would recalculate every formula on open)`);
  if (model.fullCalcOnLoad) problems.push('workbook: fullCalcOnLoad is set (Excel would recalculate every formula on open)');

  if (dynamicArrays > 0) {
    const workbookPart = workbookPartName(zip, codec);
    const rel = readRelationships(zip, codec, workbookPart).find((r) => isRelationship(r, 'sheetMetadata'));
    if (!rel || !zip.has(rel.target)) problems.push('workbook: dynamic arrays without a sheetMetadata relationship to xl/metadata.xml');
    else if (contentTypeOf(model.contentTypes, rel.target) !== METADATA_CONTENT_TYPE) problems.push(`${rel.target}: content type is not ${METADATA_CONTENT_TYPE}`);
  }

  const used = customFunctionIdsIn(stored, namespaces);
  if (used.length > 0 && options.requireBinding !== false) problems.push(...bindingProblems(zip, codec, used));
  return problems;
}

function bindingProblems(zip: ZipArchive, codec: ZipCodec, used: string[]): string[] {
  const problems: string[] = [];
  const taskpanes = readRelationships(zip, codec, '').find((r) => isRelationship(r, 'webextensiontaskpanes'));
  if (!taskpanes || !zip.has(taskpanes.target)) return ['package: no web extension task pane part binds the workbook to the add-in'];
  const extension = readRelationships(zip, codec, taskpanes.target).find((r) => isRelationship(r, 'webextension'));
  if (!extension || !zip.has(extension.target)) return [`${taskpanes.target}: no web extension part`];
  const xml = zip.text(extension.target, codec);
  const properties = [...elements(xml, 'property')].map((p) => attributes(p.tag.attributesText));
  if (!properties.some((p) => p.name === AUTO_SHOW_PROPERTY && p.value === 'true')) problems.push(`${extension.target}: no ${AUTO_SHOW_PROPERTY} = true property`);
  const listed = new Set(
    [...elements(xml, 'ext')]
      .filter((e) => attributes(e.tag.attributesText).uri === CUSTOM_FUNCTION_LIST_URI)
      .flatMap((e) => [...elements(e.body, 'customFunctionIds')].map((id) => id.body.trim().toUpperCase())),
  );
  for (const id of used) if (!listed.has(id.toUpperCase())) problems.push(`${extension.target}: the custom function list lacks ${id}`);
  return problems;
}
