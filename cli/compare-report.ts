/**
 * How `perfplan compare` shows a comparison (calc/compare.ts): as text in the command line's
 * language — one line per person, then joiners and leavers, totals, who is better or worse
 * off, the largest changes and the plan ceilings — or as JSON for programs. Amounts with two
 * decimals and thousands separators, Δ with its sign, Δ% with one decimal; a Δ% that does not
 * exist is said so (A is 0; a joiner or leaver), never Infinity.
 */
import type { CeilingCheck, Comparison, PersonChange } from '../calc/compare';
import { nameList } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { Phrase, Text, formatAmount, phrase, render } from '../i18n/text';
import type { CellValue } from '../workbook/read';

export interface CeilingRow {
  label: string;
  a: CeilingCheck;
  b: CeilingCheck;
}

export interface CompareReport {
  /** The workbooks as named on the command line. */
  a: string;
  b: string;
  /** --key and --value as typed. */
  key: string;
  value: string;
  /** The key column's heading: the table column's name, else the reference. */
  keyHeader: string;
  comparison: Comparison;
  ceilings: CeilingRow[];
}


/** Δ with its sign: "+1,000.00", "-250.00", "0.00". */
export function signedAmount(value: number, locale: Locale): string {
  const text = formatAmount(Math.abs(value), locale);
  if (text === formatAmount(0, locale)) return text;
  return `${value < 0 ? '-' : '+'}${text}`;
}

/** 0.1 → "+10.0%". */
export function signedPercent(value: number): string {
  const text = `${(Math.abs(value) * 100).toFixed(1)}%`;
  if (text === '0.0%') return text;
  return `${value < 0 ? '-' : '+'}${text}`;
}

/** A person's Δ%, or why there is none. */
export function percentText(person: Pick<PersonChange, 'deltaPercent' | 'percentUndefined'>, locale: Locale): string {
  if (person.deltaPercent !== null) return signedPercent(person.deltaPercent);
  return render(person.percentUndefined === 'a-is-zero' ? OUTPUTS.percentUndefinedZero : OUTPUTS.percentNotApplicable, locale);
}

export const STATUS_TEXT: Record<PersonChange['status'], Text> = { both: OUTPUTS.statusBoth, joiner: OUTPUTS.statusJoiner, leaver: OUTPUTS.statusLeaver };

/** Columns a terminal gives a character: 2 for East Asian wide and full-width ones. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows of cells as aligned columns (`right`: which columns are numbers). */
export function table(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]))));
  return rows.map((row) => row.map((cell, c) => pad(cell, widths[c], right[c])).join('  ').trimEnd());
}

function names(people: readonly PersonChange[], show: (p: PersonChange) => string): Phrase | string {
  if (people.length === 0) return '';
  return phrase(OUTPUTS.listAfterCount, { names: nameList(people.map((p) => `${p.key} ${show(p)}`)) });
}

function cellValueText(value: CellValue | undefined, locale: Locale): string {
  if (value === undefined || value === '') return render(OUTPUTS.valueBlank, locale);
  if (typeof value === 'object') return value.error;
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

/** A ceiling or actual share as people read it: 0.3 → "30%"; larger numbers as amounts. */
function share(value: number, ceiling: number, locale: Locale): string {
  if (Math.abs(ceiling) <= 1) return `${Number((value * 100).toPrecision(12)).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** What one ceiling check says. */
export function ceilingVerdict(check: CeilingCheck, locale: Locale): string {
  switch (check.state) {
    case 'within':
    case 'over':
      return render(check.state === 'within' ? OUTPUTS.ceilingWithin : OUTPUTS.ceilingOver, locale, {
        actual: share(check.actual, check.ceiling, locale),
        ceiling: share(check.ceiling, check.ceiling, locale),
      });
    case 'absent':
      return render(OUTPUTS.ceilingAbsent, locale);
    case 'noActual':
      return render(OUTPUTS.ceilingNoActual, locale, { label: check.label });
    case 'noCeiling':
      return render(OUTPUTS.ceilingNoLimit, locale, { label: check.label });
    case 'notCell':
      return render(OUTPUTS.ceilingNotCell, locale, { name: check.name });
    case 'notNumber':
      return render(OUTPUTS.ceilingNotNumber, locale, { name: check.name, cell: check.cell, value: cellValueText(check.value, locale) });
  }
}

/** The comparison as text, in `locale`. */
export function comparisonText(report: CompareReport, locale: Locale): string {
  const { comparison: c } = report;
  const say = (text: Text, params?: Record<string, string | number | Phrase>) => render(text, locale, params);
  const lines: string[] = [say(OUTPUTS.reportTitle, { value: report.value, key: report.key, a: report.a, b: report.b }), ''];
  const blank = '';
  const rows = [[report.keyHeader, 'A', 'B', 'Δ', 'Δ%', say(OUTPUTS.statusHeading)]];
  for (const p of c.people) {
    rows.push([
      p.key,
      p.a === undefined ? blank : formatAmount(p.a, locale),
      p.b === undefined ? blank : formatAmount(p.b, locale),
      signedAmount(p.delta, locale),
      percentText(p, locale),
      say(STATUS_TEXT[p.status]),
    ]);
  }
  lines.push(...table(rows, [false, true, true, true, true, false]), '');
  lines.push(say(OUTPUTS.joiners, { count: c.joiners.length, list: names(c.joiners, (p) => formatAmount(p.b!, locale)) }));
  lines.push(say(OUTPUTS.leavers, { count: c.leavers.length, list: names(c.leavers, (p) => formatAmount(p.a!, locale)) }));
  const totalPercent = c.totals.deltaPercent === null ? say(OUTPUTS.percentUndefinedZero) : signedPercent(c.totals.deltaPercent);
  lines.push(say(OUTPUTS.totals, { a: formatAmount(c.totals.a, locale), b: formatAmount(c.totals.b, locale), delta: signedAmount(c.totals.delta, locale), percent: totalPercent }));
  lines.push(
    say(OUTPUTS.totalsParts, {
      both: signedAmount(c.totals.deltaBoth, locale),
      joiners: signedAmount(c.totals.deltaJoiners, locale),
      leavers: signedAmount(c.totals.deltaLeavers, locale),
    }),
  );
  const delta = (p: PersonChange) => signedAmount(p.delta, locale);
  lines.push(say(OUTPUTS.winners, { count: c.winners.length, list: names(c.winners, delta) }));
  lines.push(say(OUTPUTS.losers, { count: c.losers.length, list: names(c.losers, delta) }));
  lines.push(say(OUTPUTS.unchanged, { count: c.unchanged.length, list: c.unchanged.length ? phrase(OUTPUTS.listAfterCount, { names: nameList(c.unchanged.map((p) => p.key)) }) : '' }));
  if (c.largest.length === 0) lines.push(say(OUTPUTS.largestNone));
  else {
    lines.push(say(OUTPUTS.largest));
    const largest = c.largest.map((p) => [`  ${p.key}`, formatAmount(p.a!, locale), '→', formatAmount(p.b!, locale), `Δ ${signedAmount(p.delta, locale)}`, percentText(p, locale)]);
    lines.push(...table(largest, [false, true, false, true, true, true]));
  }
  if (report.ceilings.length === 0) lines.push(say(OUTPUTS.ceilingsNone));
  else {
    lines.push(say(OUTPUTS.ceilings));
    for (const row of report.ceilings) {
      lines.push(say(OUTPUTS.ceilingLine, { label: row.label, book: 'A', verdict: ceilingVerdict(row.a, locale) }));
      lines.push(say(OUTPUTS.ceilingLine, { label: row.label, book: 'B', verdict: ceilingVerdict(row.b, locale) }));
    }
  }
  return `${lines.join('\n')}\n`;
}

function personJson(p: PersonChange): Record<string, unknown> {
  return {
    key: p.key,
    status: p.status,
    a: p.a ?? null,
    b: p.b ?? null,
    delta: p.delta,
    deltaPercent: p.deltaPercent,
    ...(p.percentUndefined ? { deltaPercentUndefined: p.percentUndefined } : {}),
    cellA: p.cellA ?? null,
    cellB: p.cellB ?? null,
  };
}

function ceilingJson(check: CeilingCheck): Record<string, unknown> {
  const { label: _label, ...rest } = check;
  if (rest.state === 'notNumber') return { ...rest, value: rest.value === undefined ? null : rest.value };
  return rest;
}

/**
 * The comparison for programs: keys are fixed English identifiers, numbers are numbers
 * (a Δ% that does not exist is null, with deltaPercentUndefined saying why).
 */
export function comparisonJson(report: CompareReport): Record<string, unknown> {
  const { comparison: c } = report;
  const keys = (people: PersonChange[]) => ({ count: people.length, keys: people.map((p) => p.key) });
  return {
    a: report.a,
    b: report.b,
    key: report.key,
    value: report.value,
    people: c.people.map(personJson),
    joiners: keys(c.joiners),
    leavers: keys(c.leavers),
    totals: { ...c.totals, ...(c.totals.deltaPercent === null ? { deltaPercentUndefined: 'a-is-zero' } : {}) },
    winners: keys(c.winners),
    losers: keys(c.losers),
    unchanged: keys(c.unchanged),
    largest: c.largest.map(personJson),
    ceilings: report.ceilings.map((row) => ({ label: row.label, a: ceilingJson(row.a), b: ceilingJson(row.b) })),
  };
}
