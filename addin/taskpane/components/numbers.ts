/**
 * Numbers as finance users type and read them. Pure (no DOM): the plan builder and the
 * scenarios use it, and tests call it directly.
 *
 * Typing: "8%", "8 %", "0.08", "¥12,000", "￥12,000", "12,000", "12 000", "12,000 元",
 * full-width digits and the minus sign "−" are all understood. A "%" divides by 100.
 *
 * Reading: percentages with "%", money in CNY with thousands separators, written the way the
 * workbook's (or else the pane's) locale writes them.
 */

export interface ParsedAmount {
  value: number;
  /** The text ended in "%" (the value is already divided by 100). */
  percent: boolean;
  /** The text carried a currency sign or 元. */
  money: boolean;
}

const CURRENCY = /^(?:CN¥|RMB|CNY|¥|元)|(?:元|CNY|RMB)$/i;

/** The number a user typed, or null when it is not one. */
export function parseAmount(text: string): ParsedAmount | null {
  let s = text.normalize('NFKC').trim().replace(/\u2212/g, '-');
  if (s === '') return null;
  let money = false;
  for (let k = 0; k < 2 && CURRENCY.test(s); k++) {
    s = s.replace(CURRENCY, '').trim();
    money = true;
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (money && percent) return null;
  // Signs may stand before a currency sign: "-¥500".
  const sign = /^[+-]/.test(s) ? s[0] : '';
  if (sign) s = s.slice(1).trim();
  if (!percent && !money && CURRENCY.test(s)) return null;
  if (CURRENCY.test(s)) {
    s = s.replace(CURRENCY, '').trim();
    money = true;
  }
  // Thousands separators: "12,000", "12 000" (groups of three only).
  if (/^\d{1,3}([, ]\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/[, ]/g, '');
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const magnitude = Number(s);
  if (!Number.isFinite(magnitude)) return null;
  const value = (sign === '-' ? -magnitude : magnitude) / (percent ? 100 : 1);
  return { value: Number(value.toPrecision(15)), percent, money };
}

/** Just the number (null when the text is not one). */
export function parseAmountValue(text: string): number | null {
  return parseAmount(text)?.value ?? null;
}

export interface NumberFormats {
  /** 12.5% (one decimal at most). */
  percent: (value: number) => string;
  /** ¥12,000 (two decimals at most, none for whole amounts). */
  money: (value: number) => string;
  /** 12,000.5 */
  number: (value: number) => string;
  /** 12K / 1.2万: for chart ticks. */
  compact: (value: number) => string;
  /** Compact money for chart ticks: ¥12K / ¥1.2万. */
  compactMoney: (value: number) => string;
  compactPercent: (value: number) => string;
}

const cache = new Map<string, NumberFormats>();

/** Formats for a locale tag (the workbook's, else the pane's); built once per locale. */
export function numberFormats(locale: string): NumberFormats {
  const cached = cache.get(locale);
  if (cached) return cached;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const compactMoney = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 });
  const compactPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const formats: NumberFormats = {
    percent: (v) => percent.format(v),
    money: (v) => money.format(v),
    number: (v) => number.format(v),
    compact: (v) => compact.format(v),
    compactMoney: (v) => compactMoney.format(v),
    compactPercent: (v) => compactPercent.format(v),
  };
  cache.set(locale, formats);
  return formats;
}

/** A typed number written back the way it reads best: 0.08 → "8%", 12000 → "12,000" (for drafts and defaults). */
export function asTyped(value: number, kind: 'percent' | 'money' | 'number', locale = 'en-US'): string {
  if (kind === 'percent') return `${Number((value * 100).toPrecision(12))}%`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 10, useGrouping: true }).format(value);
}
