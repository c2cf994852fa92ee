/** Locale-aware formatting of API values for display (pure; invalid input is shown as is). */
import type { Locale } from '../view-contract';

/** A date (ISO 8601 text) as the locale writes it, e.g. "Jan 1, 2025" / "2025年1月1日". */
export function formatDate(value: string | undefined, locale: Locale): string {
  if (!value) return '';
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
}

/** A byte count in KB or MB, e.g. "12.5 KB". */
export function formatBytes(bytes: number | undefined, locale: Locale): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  const [amount, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(amount);
}

/** A benchmark number with up to 6 decimals and the locale's separators. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}
