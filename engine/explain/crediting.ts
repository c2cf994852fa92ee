/**
 * Explaining CREDIT for one person from crediting.ts's own reading (readCreditArgs,
 * creditedDeal) and working (creditWorking): their own deal rows, then the roll-up of each
 * person reporting directly to them (who carry their own reports in turn).
 */
import { credit, creditedDeal, creditWorking, idText, readCreditArgs } from '../crediting';
import type { Arg } from '../grid';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, formatPercent as pct, info, result, resultAt } from './steps';

/** Up to this many own deal rows are listed one by one; more are one step. */
const LISTED_DEALS = 10;

/** How many people each person's roll-up covers: themselves and everyone below them. */
function teamSizes(managerOf: Int32Array, order: Int32Array): Int32Array {
  const size = new Int32Array(managerOf.length).fill(1);
  for (const person of order) if (managerOf[person] >= 0) size[managerOf[person]] += size[person];
  return size;
}

/** CREDIT(people, deal_people, amounts, [shares], [managers]) for the person in row `at.row`. */
export function explainCredit(people: Arg, dealPeople: Arg, amounts: Arg, shares: Arg, managers: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(credit(people, dealPeople, amounts, shares ?? null, managers ?? null), at, 'CREDIT');
  const args = readCreditArgs(people, dealPeople, amounts, shares ?? null, managers ?? null);
  const { own, total } = creditWorking(args);
  const person = at.row;
  const id = idText(args.people.ids[person]);

  const rows: { row: number; formula: string; credited: number }[] = [];
  for (let r = 0; r < args.dealPeople.length; r++) {
    const deal = creditedDeal(args, r);
    if (deal.person !== person) continue;
    rows.push({ row: r + 1, formula: deal.share === 1 ? fmt(deal.amount) : `${fmt(deal.amount)} × ${pct(deal.share)}`, credited: deal.credited });
  }
  const steps: ExplainStep[] = [info('credit.dealCount', fmt(rows.length), rows.length, { id, row: person + 1 })];
  const parts: string[] = [];
  if (rows.length === 0) {
    steps.push(add('credit.noDeals', '0', 0));
  } else if (rows.length <= LISTED_DEALS) {
    for (const deal of rows) {
      steps.push(add('credit.deal', deal.formula, deal.credited, { row: deal.row }));
      parts.push(fmt(deal.credited));
    }
  } else {
    steps.push(add('credit.ownDeals', fmt(own[person]), own[person], { count: rows.length }));
    parts.push(fmt(own[person]));
  }
  if (args.hierarchy) {
    const { managerOf, order } = args.hierarchy;
    const sizes = teamSizes(managerOf, order);
    managerOf.forEach((manager, report) => {
      if (manager !== person) return;
      steps.push(add('credit.rollUp', fmt(total[report]), total[report], { id: idText(args.people.ids[report]), people: sizes[report] }));
      parts.push(fmt(total[report]));
    });
  }
  steps.push(result('credit.result', parts.length > 1 && parts.length <= 12 ? parts.join(' + ') : fmt(value), value, { id }));
  return { function: 'CREDIT', value, steps };
}
