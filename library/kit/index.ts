/** The template kit: everything a template file needs to say only what is specific to it. */
export { buildTemplate } from './build';
export { columnWidths, formula, heading, headerRow, inputBlock, inputCell, label, sheetTitle, titledSheet, validate, type InputColumn } from './cells';
export { defineTemplates, variantId, words, type ChartDefinition, type TemplateVariants, type VariantsDefinition, type Words } from './define';
export { AMBER_FILL, GREEN_FILL, RED_FILL, highlightBelow, highlightText, highlightWhen, trafficLights, warnUnlessOk } from './highlights';
export { INSTRUCTIONS, WITHOUT_ADDIN, growingTables, type Instructions } from './instructions';
export { LABEL } from './labels';
export { languageOf, sayIn } from './language';
export { defineNames } from './names';
export { NOTE_THEN_SOURCE, SOURCE_BESIDE_VALUE, parameterRows, parameterRules, parameterSource, planSettings, valueCell, writeParameters, type BlockRow, type Parameter, type ParameterBlock } from './parameters';
export { resultColumn, type ResultColumn } from './results';
export { DIGEST_RULES, EXAMPLE_SOURCE, PLANS, ROLES, ruleSource, type DigestRule, type DigestRuleId, type PlanId, type RoleId, type RuleCell } from './rules';
export { CNY, DATE, GREEN, INT, PERCENT, header, input } from './style';
export { summaryLines, type SummaryLine } from './summary';
export { ROOM_TO_GROW, TableLayout, growingRange, spillColumns, tableLayout, tableSource, tablesOf, writeTable, type SpillColumn, type TableColumn, type TableDefinition } from './tables';
export { bilingual, say, t, type Label, type Language, type Locale, type Text } from './text';
export type { BuiltInTemplate, ChartSpec, Growth, TemplateMetadata } from './types';
export * from './validation';
export { NO, STATUS, YES, option } from './words';
