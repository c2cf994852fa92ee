/**
 * User-facing text in both languages, side by side, and how it is rendered: `{name}`
 * placeholders filled from parameters (numbers as JavaScript writes them; format them first
 * where people read amounts, see formatNumber). A text is one
 * object `{ 'en-US': …, 'zh-CN': … }`, so a missing translation is a type error, not a
 * runtime surprise.
 */
import { DEFAULT_LOCALE, Locale } from './locale';

export type Text = Readonly<Record<Locale, string>>;

/** Parameter values: plain values, or texts of their own (rendered in the same locale). */
export type Params = Readonly<Record<string, string | number | Text | Phrase>>;

/** A text with its parameters: a message ready to render in either language. */
export interface Phrase {
  text: Text;
  params?: Params;
}

/** An error phrase, or a value: tells a parse result from its refusal (results have no `text`). */
export function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && 'text' in value;
}

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'en-US' in value && 'zh-CN' in value;
}

/** Declares a table of texts; its keys are the typed keys callers use. */
export function texts<K extends string>(table: Record<K, Text>): Readonly<Record<K, Text>> {
  return table;
}

/** Numbers as people read them: 1,234.5 (both locales group thousands with commas). */
export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString(locale, { maximumFractionDigits: 12 });
}

const amountFormats = new Map<Locale, Intl.NumberFormat>();

/** Money to the cent as reports show it: 1234.5 → "1,234.50" (one formatter per locale: reports format thousands). */
export function formatAmount(value: number, locale: Locale = DEFAULT_LOCALE): string {
  let format = amountFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    amountFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * The text in `locale` with `{name}` placeholders filled; a missing parameter leaves its
 * placeholder visible rather than printing "undefined". Strings are inserted as they are
 * (callers render text, never HTML).
 */
export function render(text: Text, locale: Locale, params?: Params): string {
  const template = text[locale] ?? text[DEFAULT_LOCALE];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (isText(value)) return render(value, locale);
    if (typeof value === 'object' && value !== null) return render(value.text, locale, value.params);
    return String(value);
  });
}

/** The `{name}` placeholders a template uses, sorted (both languages must use the same). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The `{name}` placeholders of a template, as a union of names ('what' | 'got'). */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a text needs: one value per placeholder of its en-US template. */
export type ParamsOf<T extends Text> = { readonly [Name in Placeholders<T['en-US']>]: Params[string] };

/** A text's parameters as a rest argument: none for a text without placeholders. */
export type ParamsArg<T extends Text> = [Placeholders<T['en-US']>] extends [never] ? [] | [Params] : [ParamsOf<T>];

/** A text with its parameters, checked against the text's placeholders. */
export function phrase<T extends Text>(text: T, ...params: ParamsArg<T>): Phrase {
  return params[0] === undefined ? { text } : { text, params: params[0] };
}

/** Phrases as one list inside a message ("a; b" / "a；b"), each rendered in the message's locale. */
export function phraseList(phrases: readonly Phrase[]): Phrase {
  const params: Record<string, Phrase> = {};
  phrases.forEach((p, i) => (params[`p${i}`] = p));
  const placeholders = phrases.map((_, i) => `{p${i}}`);
  return { text: { 'en-US': placeholders.join('; '), 'zh-CN': placeholders.join('；') }, params };
}

