/**
 * Deals credited to people: the Deals table (订单) lists a deal once per person credited with
 * it, with that person's share (a split deal has a row per person; a return is a negative
 * amount), and Credited = amount × share, totalled. One =PERF.CREDIT over it gives each person
 * of the People table their credit; with the managers column, the credit rolled up to them.
 */
import { LABEL } from './labels';
import { CNY, PERCENT } from './style';
import { type TableLayout, tableLayout } from './tables';
import { type Label, type Language, t } from './text';
import { type Validation, percentBetween } from './validation';

export type DealColumn = 'deal' | 'person' | 'amount' | 'share' | 'credited';

export interface CreditedDealsDefinition {
  sheet: string;
  /** How many deal rows (a row per person on a deal). */
  rows: number;
  /** Who may be credited, where the template checks it. */
  person?: Validation;
  /** The amount column's header, and its validation where amounts cannot be negative. */
  amount: { name: Label; validation?: Validation };
}

/** The Deals table, at A4 of its sheet, with a totals row. */
export function creditedDealsTable({ sheet, rows, person, amount }: CreditedDealsDefinition, language: Language): TableLayout<DealColumn> {
  return tableLayout<DealColumn>(
    {
      name: t('Deals', '订单'),
      sheet,
      at: 'A4',
      rows,
      totalsRow: true,
      columns: [
        { key: 'deal', name: t('Deal', '订单号'), totals: { label: LABEL.total } },
        { key: 'person', name: t('Person', '人员'), validation: person },
        { key: 'amount', name: amount.name, format: CNY, validation: amount.validation },
        { key: 'share', name: t('Share', '分成比例'), format: PERCENT, validation: percentBetween() },
        { key: 'credited', name: t('Credited', '归属业绩'), format: CNY, calculated: (d) => `${d.row('amount')}*${d.row('share')}`, totals: 'sum' },
      ],
    },
    language,
  );
}

/** Each person's credit on the deals: PERF.CREDIT over the People table's names (`names`), and with `managers`, rolled up the org chart. */
export function creditFormula(deals: TableLayout<DealColumn>, names: string, managers?: string): string {
  return `PERF.CREDIT(${names},${deals.col('person')},${deals.col('amount')},${deals.col('share')}${managers === undefined ? '' : `,${managers}`})`;
}
