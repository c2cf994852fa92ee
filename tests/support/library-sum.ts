/** The sum of numbers, as the template tests recompute totals a workbook shows. */
export const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);
