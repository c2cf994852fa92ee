/**
 * The built-in tiered-commission template (seed rules §2 payouts.tiered-commission): its
 * outputs equal a hand computation of the same tiers, marginal and retroactive. The contract
 * every template keeps is tested once for all of them (contract.test.ts).
 */
import { SALES, TIERS, tieredCommission } from '../../library/templates/tiered-commission';
import { builtBeforeAll, names } from './support/built';

/** Marginal and retro commission computed directly from the tier table. */
function byHand(amount: number, method: 'marginal' | 'retro'): number {
  let commission = 0;
  let reached = 0;
  TIERS.forEach(([threshold, rate], i) => {
    const next = i + 1 < TIERS.length ? TIERS[i + 1][0] : Infinity;
    if (amount >= threshold) reached = rate;
    commission += Math.max(0, Math.min(amount, next) - threshold) * rate;
  });
  return method === 'marginal' ? commission : amount * reached;
}

describe('template: tiered-commission-plan', () => {
  const book = builtBeforeAll(tieredCommission);
  const { json } = book;

  it('spills one marginal commission per salesperson, equal to the hand computation', () => {
    SALES.forEach(([, sales], i) => expect(json[`Team!C${2 + i}`]).toBeCloseTo(byHand(sales, 'marginal'), 6));
  });

  it('summarizes both methods', () => {
    const total = (method: 'marginal' | 'retro') => SALES.reduce((s, [, sales]) => s + byHand(sales, method), 0);
    expect(json['Summary!B3']).toBeCloseTo(total('marginal'), 6);
    expect(json['Summary!B4']).toBeCloseTo(total('marginal'), 6);
    expect(json['Summary!B5']).toBeCloseTo(total('retro'), 6);
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining(['CommissionTiers', 'CommissionMethod', 'TeamSales']));
  });
});
