/** Structured references of every form the tokenizer keeps whole: its unit test lists them, its property test draws from them. */
export const STRUCTURED_REFERENCES = [
  'Table1[Col]',
  'Table1[[#This Row],[Col]]',
  'Table1[[Col1]:[Col3]]',
  'Table1[#Totals]',
  'Table1[]',
  '[Col]',
  '[@Col]',
  '[@[Col 1]]',
  'T[@[A]:[B]]',
  "[Col'[1']]",
] as const;
