/**
 * Crediting (业绩归属): CREDIT credits each deal row to its person (amount × share; a deal
 * split between several people is listed once per person) and, with managers, rolls every
 * person's credit up the reporting line ("组长提成按全组销售额").
 *
 * People are hashed to their row once; the deals are read in one pass; the roll-up walks the
 * manager forest in topological order (everyone before their manager), which also finds a
 * cycle and names it. Ids match as text, trimmed and in any case, so the number 101 and the
 * text "101" are the same person (ids often arrive as numbers from one sheet and as text
 * from another).
 */
import { ERRORS } from '../i18n/errors';
import { PerfError, naError, numError, valueError } from './errors';
import { Arg, Cell, Grid, ResultGrid, asColumn, column, describeValue, isBlank, isBlankArg, numberAt, rowPlace } from './grid';

/** An id cell as messages quote it and as it is matched. */
export type Id = number | string;

/** How two ids are compared: "E07", " e07 " and the same; 101 and "101" the same. */
function idKey(id: Id): string {
  return typeof id === 'number' ? String(id) : id.trim().toLowerCase();
}

/** An id as messages quote it: the text as typed, a number as Excel writes it. */
export function idText(id: Id): string {
  return typeof id === 'number' ? String(id) : id.trim();
}

/**
 * people → row. The two exact maps answer the usual lookup (the same cell value as in
 * people) without building a key; idKey is only computed when they miss.
 */
export class PeopleIndex {
  private readonly byKey = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  constructor(readonly ids: readonly Id[]) {
    ids.forEach((id, row) => {
      const key = idKey(id);
      const earlier = this.byKey.get(key);
      if (earlier !== undefined) {
        throw valueError(ERRORS.idRepeated, { where: rowPlace('people', row), id: idText(id), row: earlier + 1 });
      }
      this.byKey.set(key, row);
      if (typeof id === 'number') this.byNumber.set(id, row);
      else this.byText.set(id, row);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** The row of `id` in people, or -1. */
  find(id: Id): number {
    const exact = typeof id === 'number' ? this.byNumber.get(id) : this.byText.get(id);
    if (exact !== undefined) return exact;
    return this.byKey.get(idKey(id)) ?? -1;
  }
}

/** One id cell: text or a number; blank or a logical value → #VALUE! naming the row. */
function readId(cell: Cell, name: string, row: number): Id {
  if (cell instanceof PerfError) throw cell;
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return cell;
    throw numError(ERRORS.notFinite, { what: rowPlace(name, row) });
  }
  if (typeof cell === 'string' && cell.trim() !== '') return cell;
  if (isBlank(cell) || typeof cell === 'string') throw valueError(ERRORS.labelRequired, { what: rowPlace(name, row) });
  throw valueError(ERRORS.idNotText, { where: rowPlace(name, row), value: describeValue(cell) });
}

/** people: n ids, unique. */
export function readPeople(arg: Arg): PeopleIndex {
  const cells = asColumn(arg, 'people');
  const ids: Id[] = new Array(cells.length);
  for (let r = 0; r < cells.length; r++) ids[r] = readId(cells[r][0], 'people', r);
  return new PeopleIndex(ids);
}

/** A person in people, found by the id in `cell`; unknown → #N/A naming the row. */
function personAt(people: PeopleIndex, cell: Cell, name: string, row: number): number {
  const id = readId(cell, name, row);
  const found = people.find(id);
  if (found < 0) throw naError(ERRORS.idNotInPeople, { where: rowPlace(name, row), id: idText(id) });
  return found;
}

/** The reporting line: manager row per person (-1: none), and an order with everyone before their manager. */
export interface Hierarchy {
  managerOf: Int32Array;
  /** Topological order of the manager forest: each person comes before their manager. */
  order: Int32Array;
}

/** managers: aligned with people, blank = none, each an id in people; a cycle → #NUM! naming it. */
export function readManagers(arg: Arg, people: PeopleIndex): Hierarchy {
  const cells = asColumn(arg, 'managers');
  if (cells.length !== people.size) {
    throw valueError(ERRORS.itemsMismatch, { name: 'managers', count: cells.length, other: 'people', otherCount: people.size });
  }
  const managerOf = new Int32Array(people.size).fill(-1);
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r][0];
    if (!isBlank(cell)) managerOf[r] = personAt(people, cell, 'managers', r);
  }
  return { managerOf, order: reportsFirst(managerOf, people) };
}

/**
 * Kahn's algorithm on the manager forest: a person is ready once all their direct reports
 * are. Whoever is never ready sits on a cycle (someone's manager on a cycle is on it too).
 */
function reportsFirst(managerOf: Int32Array, people: PeopleIndex): Int32Array {
  const n = managerOf.length;
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) if (managerOf[i] >= 0) waiting[managerOf[i]]++;
  const order = new Int32Array(n);
  let done = 0;
  for (let i = 0; i < n; i++) if (waiting[i] === 0) order[done++] = i;
  for (let next = 0; next < done; next++) {
    const manager = managerOf[order[next]];
    if (manager >= 0 && --waiting[manager] === 0) order[done++] = manager;
  }
  if (done < n) throw cycleError(managerOf, waiting, people);
  return order;
}

/** The first person (in people order) on a cycle, and the cycle as "A" → "B" → "A". */
function cycleError(managerOf: Int32Array, waiting: Int32Array, people: PeopleIndex): PerfError {
  const start = waiting.findIndex((count) => count > 0);
  const names = [`"${idText(people.ids[start])}"`];
  for (let i = managerOf[start]; i !== start; i = managerOf[i]) names.push(`"${idText(people.ids[i])}"`);
  names.push(names[0]);
  return numError(ERRORS.managersCycle, { where: rowPlace('managers', start), cycle: names.join(' → ') });
}

/** CREDIT's arguments as the function reads them; the deal columns are read in place. */
export interface CreditArgs {
  people: PeopleIndex;
  dealPeople: Grid;
  amounts: Grid;
  /** null: every share is 1. */
  shares: Grid | null;
  /** null: no roll-up. */
  hierarchy: Hierarchy | null;
}

export function readCreditArgs(people: Arg, dealPeople: Arg, amounts: Arg, shares: Arg, managers: Arg): CreditArgs {
  const index = readPeople(people);
  const hierarchy = managers === null || managers === undefined || isBlankArg(managers) ? null : readManagers(managers, index);
  const dealColumn = asColumn(dealPeople, 'deal_people');
  const amountColumn = asColumn(amounts, 'amounts');
  if (amountColumn.length !== dealColumn.length) {
    throw valueError(ERRORS.itemsMismatch, { name: 'amounts', count: amountColumn.length, other: 'deal_people', otherCount: dealColumn.length });
  }
  let shareColumn: Grid | null = null;
  if (shares !== null && shares !== undefined && !isBlankArg(shares)) {
    shareColumn = asColumn(shares, 'shares');
    if (shareColumn.length !== dealColumn.length) {
      throw valueError(ERRORS.itemsMismatch, { name: 'shares', count: shareColumn.length, other: 'deal_people', otherCount: dealColumn.length });
    }
  }
  return { people: index, dealPeople: dealColumn, amounts: amountColumn, shares: shareColumn, hierarchy };
}

/** One deal row as credited: to whom, the amount, the share and amount × share. */
export interface CreditedDeal {
  person: number;
  amount: number;
  share: number;
  credited: number;
}

/** A share cell: blank = 1, else a number in [0, 1]. */
function shareAt(shares: Grid | null, row: number): number {
  if (shares === null) return 1;
  const cell = shares[row][0];
  if (typeof cell === 'number' && cell >= 0 && cell <= 1) return cell; // the hot path
  if (isBlank(cell)) return 1;
  const share = numberAt(cell, () => rowPlace('shares', row));
  throw numError(ERRORS.notFraction, { name: rowPlace('shares', row), got: share });
}

/** Deal row `row` as CREDIT reads it, with the same checks and messages. */
export function creditedDeal(args: CreditArgs, row: number): CreditedDeal {
  const person = personAt(args.people, args.dealPeople[row][0], 'deal_people', row);
  const amount = numberAt(args.amounts[row][0], () => rowPlace('amounts', row));
  const share = shareAt(args.shares, row);
  return { person, amount, share, credited: amount * share };
}

/** Each person's own credit: Σ amount × share over their deal rows, in one pass. */
export function ownCredits(args: CreditArgs): Float64Array {
  const { people, dealPeople, amounts, shares } = args;
  const own = new Float64Array(people.size);
  for (let r = 0; r < dealPeople.length; r++) {
    const id = dealPeople[r][0];
    const amount = amounts[r][0];
    // The usual row (a known id, a finite amount, a valid share) stays inline; any other row
    // goes through creditedDeal for its error.
    const person = typeof id === 'number' || typeof id === 'string' ? people.find(id) : -1;
    if (person < 0 || typeof amount !== 'number' || amount - amount !== 0) {
      const deal = creditedDeal(args, r);
      own[deal.person] += deal.credited;
      continue;
    }
    own[person] += amount * shareAt(shares, r);
  }
  return own;
}

/** Own credit plus everyone reporting to the person, directly or indirectly. */
export function rolledUp(own: Float64Array, hierarchy: Hierarchy): Float64Array {
  const total = Float64Array.from(own);
  const { managerOf, order } = hierarchy;
  for (let k = 0; k < order.length; k++) {
    const person = order[k];
    const manager = managerOf[person];
    if (manager >= 0) total[manager] += total[person];
  }
  return total;
}

/** CREDIT's working: own credits, and the totals the function returns. */
export function creditWorking(args: CreditArgs): { own: Float64Array; total: Float64Array } {
  const own = ownCredits(args);
  return { own, total: args.hierarchy ? rolledUp(own, args.hierarchy) : own };
}

/** CREDIT(people, deal_people, amounts, [shares], [managers]) — n×1, one credit per person. */
export function credit(people: Arg, dealPeople: Arg, amounts: Arg, shares: Arg, managers: Arg): ResultGrid {
  const { total } = creditWorking(readCreditArgs(people, dealPeople, amounts, shares ?? null, managers ?? null));
  return column(total);
}
