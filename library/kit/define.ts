/**
 * A template as its file says it: what it is (id, category, words in both languages), its
 * instructions, the rules it carries, its charts, and the sheets after Instructions. The kit
 * turns that into the library's BuiltInTemplates: the metadata the API stores, and a builder
 * that writes the Instructions sheet first.
 *
 * Each template is published as two workbooks, one in English and one in Chinese (ids `x` and
 * `x-zh`): sheet, table and column names, dropdown options, statuses and every label are in the
 * workbook's language, because formulas name them (`人员[销售额]`, "边际") and one file cannot
 * read naturally in both. One definition writes both: everything that depends on the language
 * comes from the template's layout for that language.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/locale';
import { type Instructions, writeInstructions } from './instructions';
import { defineNames } from './names';
import type { RuleCell } from './rules';
import { type Label, type Language, type Text, say, t } from './text';
import type { BuiltInTemplate, ChartSpec, Growth, TemplateMetadata } from './types';

/**
 * A chart as a template declares it: its title and series names are labels in both languages,
 * and it sits `at` the cells it covers ("H2:P18").
 */
export interface ChartDefinition extends Omit<ChartSpec, 'title' | 'series' | 'anchor'> {
  title: Label;
  series: { name: Label; values: string }[];
  at: string;
}

const metadataText = (text: Text) => ({ en: text['en-US'], zh: text['zh-CN'] });

/** The chart with its words rendered as the workbook shows them. */
function chartSpec({ title, series, at, ...chart }: ChartDefinition, language: Language): ChartSpec {
  const [from, to] = at.split(':');
  return { ...chart, title: say(title, language), series: series.map(({ name, values }) => ({ name: say(name, language), values })), anchor: { from, to } };
}

/** What every layout has: its language, and words in it. */
export interface Words {
  locale: Locale;
  say(label: Label): string;
  /** Every label of a record in the language, under the same keys (a template's sheet names). */
  sayEach<K extends string>(labels: Record<K, Label>): Record<K, string>;
}

export function words(locale: Locale): Words {
  return {
    locale,
    say: (label) => say(label, locale),
    sayEach: <K extends string>(labels: Record<K, Label>) => Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [key, say(label, locale)])) as Record<K, string>,
  };
}

/** A template written once, published in English and in Chinese (see the module comment). */
export interface VariantsDefinition<L extends Words> {
  id: string;
  category: TemplateMetadata['category'];
  title: Text;
  description: Text;
  tags: string[];
  /** Sheet, table and cell names of the workbook in one language (pure: no workbook needed). */
  layout(words: Words): L;
  /** What the template is for (its gallery entry's), or how its layout says it. */
  purpose: Instructions['purpose'] | ((layout: L) => Instructions['purpose']);
  /** The Instructions sheet's paragraphs after the purpose, with the cells of the layout. */
  steps(layout: L): Instructions['steps'];
  rules(layout: L): RuleCell[];
  charts?(layout: L): ChartDefinition[];
  /** The writers of the sheets after Instructions, in order. */
  sheets: ((workbook: ExcelJS.Workbook, layout: L) => void)[];
  /** Workbook names defined once every sheet is written (name → absolute reference). */
  names?(layout: L): Record<string, string>;
  /** One typed row per table, and the cells it must change (see Growth). */
  growth?(layout: L): Growth[];
}

export type TemplateVariants = Record<Locale, BuiltInTemplate>;

/** The id a template has in a language: en-US keeps the family's id, zh-CN adds "-zh". */
export function variantId(id: string, locale: Locale): string {
  return locale === 'en-US' ? id : `${id}-zh`;
}

const EDITION = {
  'en-US': t('English workbook', '英文版'),
  'zh-CN': t('Chinese workbook', '中文版'),
};

/** Where the same template is in the other language, for the Instructions sheet. */
function otherLanguage(id: string, locale: Locale): Text {
  return locale === 'en-US'
    ? t(`This template in Chinese: "${variantId(id, 'zh-CN')}" in the PerfPlan template gallery.`, `本模板的中文版：PerfPlan 模板库中的 "${variantId(id, 'zh-CN')}"。`)
    : t(`This template in English: "${id}" in the PerfPlan template gallery.`, `本模板的英文版：PerfPlan 模板库中的 "${id}"。`);
}

function instructions<L extends Words>({ purpose, steps }: VariantsDefinition<L>, layout: L): Instructions {
  return { purpose: typeof purpose === 'function' ? purpose(layout) : purpose, steps: steps(layout) };
}

function variant<L extends Words>(definition: VariantsDefinition<L>, locale: Locale): BuiltInTemplate {
  const { id, category, title, description, tags } = definition;
  const layout = definition.layout(words(locale));
  // The gallery lists both workbooks: each names the other's edition in the other language.
  const galleryTitle = locale === 'en-US' ? { en: title['en-US'], zh: `${title['zh-CN']}（${EDITION['en-US']['zh-CN']}）` } : { en: `${title['en-US']} (${EDITION['zh-CN']['en-US']})`, zh: title['zh-CN'] };
  const growth = definition.growth?.(layout);
  return {
    metadata: {
      id: variantId(id, locale),
      title: galleryTitle,
      description: metadataText(description),
      category,
      tags: [...tags, locale === 'en-US' ? 'English' : '中文'],
    },
    language: locale,
    family: id,
    rules: definition.rules(layout),
    ...(definition.charts ? { charts: definition.charts(layout).map((chart) => chartSpec(chart, locale)) } : {}),
    ...(growth ? { growth } : {}),
    build(workbook: ExcelJS.Workbook) {
      writeInstructions(workbook, title, instructions(definition, layout), otherLanguage(id, locale));
      for (const write of definition.sheets) write(workbook, layout);
      if (definition.names) defineNames(workbook, definition.names(layout));
    },
  };
}

export function defineTemplates<L extends Words>(definition: VariantsDefinition<L>): TemplateVariants {
  return { 'en-US': variant(definition, 'en-US'), 'zh-CN': variant(definition, 'zh-CN') };
}
