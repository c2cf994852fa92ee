/** The template kit: everything a template file needs to say only what is specific to it. */
export { buildTemplate } from './build';
export { columnWidths, formula, heading, headerRow, inputBlock, inputCell, label, sheetTitle, type InputColumn } from './cells';
export { defineTemplate, type ChartDefinition, type TemplateDefinition } from './define';
export { AMBER_FILL, GREEN_FILL, RED_FILL, highlightBelow, highlightText, highlightWhen, trafficLights, warnUnlessOk } from './highlights';
export { WITHOUT_ADDIN, type Instructions } from './instructions';
export { LABEL } from './labels';
export { defineNames } from './names';
export { parameterRows, parameterRules, valueCell, writeParameters, type BlockRow, type Parameter, type ParameterBlock } from './parameters';
export { resultColumn, type ResultColumn } from './results';
export { DIGEST_RULES, type DigestRuleId, type RuleCell } from './rules';
export { CNY, DATE, GREEN, INT, PERCENT, header, input } from './style';
export { summaryLines, type SummaryLine } from './summary';
export { bilingual, t, type Label, type Text } from './text';
export type { BuiltInTemplate, ChartSpec, TemplateMetadata } from './types';
export * from './validation';
