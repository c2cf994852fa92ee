/**
 * A template as its file says it: what it is (id, category, words in both languages), its
 * instructions, the rules it carries, its charts, and the sheets after Instructions. The kit
 * turns that into the library's BuiltInTemplate: the metadata the API stores, and a builder
 * that writes the Instructions sheet first.
 */
import type ExcelJS from 'exceljs';
import { Instructions, writeInstructions } from './instructions';
import type { RuleCell } from './rules';
import { Label, Text, bilingual } from './text';
import type { BuiltInTemplate, ChartSpec, TemplateMetadata } from './types';

/** A chart as a template declares it: its title and series names are labels in both languages. */
export interface ChartDefinition extends Omit<ChartSpec, 'title' | 'series'> {
  title: Label;
  series: { name: Label; values: string }[];
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
  /** Writes every sheet after Instructions. */
  sheets(workbook: ExcelJS.Workbook): void;
}

const metadataText = (text: Text) => ({ en: text['en-US'], zh: text['zh-CN'] });

/** The chart with its words rendered as the workbook shows them. */
function chartSpec({ title, series, ...chart }: ChartDefinition): ChartSpec {
  return { ...chart, title: bilingual(title), series: series.map(({ name, values }) => ({ name: bilingual(name), values })) };
}

export function defineTemplate(definition: TemplateDefinition): BuiltInTemplate {
  const { id, category, title, description, tags, instructions, rules, charts, sheets } = definition;
  return {
    metadata: { id, title: metadataText(title), description: metadataText(description), category, tags },
    rules,
    ...(charts ? { charts: charts.map(chartSpec) } : {}),
    build(workbook: ExcelJS.Workbook) {
      writeInstructions(workbook, title, instructions);
      sheets(workbook);
    },
  };
}
