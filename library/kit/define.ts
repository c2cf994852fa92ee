/**
 * A template as its file says it: what it is (id, category, words in both languages), its
 * instructions, the rules it carries, its charts, and the sheets after Instructions. The kit
 * turns that into the library's BuiltInTemplate: the metadata the API stores, and a builder
 * that writes the Instructions sheet first.
 */
import type ExcelJS from 'exceljs';
import { Instructions, writeInstructions } from './instructions';
import { defineNames } from './names';
import type { RuleCell } from './rules';
import { Label, Text, bilingual } from './text';
import type { BuiltInTemplate, ChartSpec, TemplateMetadata } from './types';

/**
 * A chart as a template declares it: its title and series names are labels in both languages,
 * and it sits `at` the cells it covers ("H2:P18").
 */
export interface ChartDefinition extends Omit<ChartSpec, 'title' | 'series' | 'anchor'> {
  title: Label;
  series: { name: Label; values: string }[];
  at: string;
}

export interface TemplateDefinition {
  id: string;
  category: TemplateMetadata['category'];
  title: Text;
  description: Text;
  tags: string[];
  instructions: Instructions;
  rules: RuleCell[];
  charts?: ChartDefinition[];
  /** The writers of the sheets after Instructions, in order. */
  sheets: ((workbook: ExcelJS.Workbook) => void)[];
  /** Workbook names defined once every sheet is written (name → absolute reference). */
  names?: Record<string, string>;
}

const metadataText = (text: Text) => ({ en: text['en-US'], zh: text['zh-CN'] });

/** The chart with its words rendered as the workbook shows them. */
function chartSpec({ title, series, at, ...chart }: ChartDefinition): ChartSpec {
  const [from, to] = at.split(':');
  return { ...chart, title: bilingual(title), series: series.map(({ name, values }) => ({ name: bilingual(name), values })), anchor: { from, to } };
}

export function defineTemplate(definition: TemplateDefinition): BuiltInTemplate {
  const { id, category, title, description, tags, instructions, rules, charts, sheets, names } = definition;
  return {
    metadata: { id, title: metadataText(title), description: metadataText(description), category, tags },
    rules,
    ...(charts ? { charts: charts.map(chartSpec) } : {}),
    build(workbook: ExcelJS.Workbook) {
      writeInstructions(workbook, title, instructions);
      for (const write of sheets) write(workbook);
      if (names) defineNames(workbook, names);
    },
  };
}
