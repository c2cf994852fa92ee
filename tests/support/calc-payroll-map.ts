/**
 * The README's payroll map (工号, 姓名, 所属期间, 应发金额, 成本中心: the period a month, the amount
 * the one amount column whose total is checked), on whichever cells a test's workbook holds
 * them. The payroll tests of calc/ and of `perfplan export` share it, so that they check one layout.
 */

/** Where each column comes from; the cost centre from a cell or as one fixed value. */
export interface PayrollSources {
  id: string;
  name: string;
  period: string;
  amount: string;
  costCentre: { from: string } | { value: string };
}

export function readmePayrollColumns(sources: PayrollSources) {
  return [
    { header: '工号', from: sources.id },
    { header: '姓名', from: sources.name },
    { header: '所属期间', from: sources.period, type: 'month' },
    { header: '应发金额', from: sources.amount, type: 'amount' },
    { header: '成本中心', ...sources.costCentre },
  ];
}
