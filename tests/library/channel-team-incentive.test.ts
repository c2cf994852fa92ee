/**
 * The built-in channel-team-incentive template (seed rules §1 weights, §2 incentive payouts):
 * every key output equals plain arithmetic on the template's own sample inputs. The contract
 * every template keeps is tested once for all of them (contract.test.ts).
 */
import { AWARDS, DEALS, DRAW_EARNED, HIT_TIERS, PARAMS, PARAM_ROW, PEOPLE, REGIONS, channelTeamIncentive } from '../../library/templates/channel-team-incentive';
import { builtBeforeAll, names } from './support/built';

const value = (name: string) => PARAMS.find((p) => p.name === name)!.value;
const num = (name: string) => value(name) as number;
/** Excel serial of a UTC date: days since 1899-12-30. */
const serial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

// ---- the plan computed by hand from the sample inputs -------------------------------------
const periodStart = serial(value('PeriodStart') as Date);
const periodEnd = serial(value('PeriodEnd') as Date);

const bonus = PEOPLE.map((p) => {
  const teamWeight = p.channel === 'online' ? 1 - num('OnlineIndividualWeight') : num('OfflineTeamWeight');
  const channel = p.baseBonus * (teamWeight * p.teamAttainment + (1 - teamWeight) * p.individualAttainment);
  const dw = num('DualTrackTeamWeight');
  const dual = p.dualBonus * (dw * p.teamAttainment + (1 - dw) * p.individualAttainment);
  const risk = -num('RiskShareStake') * p.baseBonus * Math.max(0, 1 - p.teamAttainment);
  const before = channel + dual + risk;
  const from = p.start ? Math.max(serial(p.start), periodStart) : periodStart;
  const to = p.end ? Math.min(serial(p.end), periodEnd) : periodEnd;
  const payable = (before * Math.max(0, to - from + 1)) / (periodEnd - periodStart + 1);
  return { teamWeight, channel, dual, risk, before, payable };
});

function hitAward(units: number): number {
  let award = 0;
  HIT_TIERS.forEach(([from, perUnit], i) => {
    const next = i + 1 < HIT_TIERS.length ? HIT_TIERS[i + 1][0] : Infinity;
    award += Math.max(0, Math.min(units, next) - from) * perUnit;
  });
  return award;
}

const ltvPerCustomer = (num('LtvMargin') * num('LtvRetention')) / (1 + num('LtvDiscount') - num('LtvRetention'));
const awards = AWARDS.map((a) => {
  const hit = hitAward(a.hitUnits);
  const penetration = a.newStores * a.retention * num('PenetrationAwardPerStore');
  const ltv = a.privateCustomers * ltvPerCustomer * num('LtvShare');
  const newRegion = a.newRegionSales * num('NewRegionRate');
  const profitShare = Math.min(num('ProfitShareCap'), num('ProfitShareRate') * Math.max(0, a.profit - a.profitTarget));
  const incubation = a.incubationGains * num('IncubationShare');
  const total = hit + penetration + ltv + newRegion + profitShare + a.innovation + a.idea + incubation;
  return { hit, penetration, ltv, newRegion, profitShare, incubation, total };
});

const clawbacks = DEALS.map((d) =>
  d.cancelled && serial(d.cancelled) - serial(d.paid) <= num('ClawbackWindowDays') ? -d.commission * num('ClawbackPortion') : 0,
);

/** Recoverable draw: a shortfall is advanced and repaid from later earnings. */
const drawPaid: number[] = [];
const drawOutstanding: number[] = [];
{
  let owed = 0;
  for (const earned of DRAW_EARNED) {
    const net = earned - owed;
    const paid = net >= num('DrawAmount') ? net : num('DrawAmount');
    owed = paid - net;
    drawPaid.push(paid);
    drawOutstanding.push(owed);
  }
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('template: channel-team-incentive', () => {
  const book = builtBeforeAll(channelTeamIncentive);
  const { json } = book;

  it('§1 carries the digest weights: online individual 60%, offline team 70%, dual-track 50/50', () => {
    expect(json[`Inputs!B${PARAM_ROW.OnlineIndividualWeight}`]).toBe(0.6);
    expect(json[`Inputs!B${PARAM_ROW.OfflineTeamWeight}`]).toBe(0.7);
    expect(json[`Inputs!B${PARAM_ROW.DualTrackTeamWeight}`]).toBe(0.5);
  });

  it('§2 carries the digest numbers: new region 2%, innovation 5,000–20,000, idea 500–5,000, incubation 20%, price ±5%, budget 70/30', () => {
    expect(json[`Inputs!B${PARAM_ROW.NewRegionRate}`]).toBe(0.02);
    expect([PARAM_ROW.InnovationMin, PARAM_ROW.InnovationMax].map((r) => json[`Inputs!B${r}`])).toEqual([5000, 20000]);
    expect([PARAM_ROW.IdeaMin, PARAM_ROW.IdeaMax].map((r) => json[`Inputs!B${r}`])).toEqual([500, 5000]);
    expect(json[`Inputs!B${PARAM_ROW.IncubationShare}`]).toBe(0.2);
    expect(json[`Inputs!B${PARAM_ROW.PriceBand}`]).toBe(0.05);
    expect(json[`Inputs!B${PARAM_ROW.RegionalDirectShare}`]).toBe(0.7);
  });

  it('weights.online-individual-60 / weights.offline-team-70: team weight and channel bonus (PERF.SPLIT) per person', () => {
    bonus.forEach((b, i) => {
      expect(json[`Team!J${2 + i}`]).toBeCloseTo(b.teamWeight, 12);
      expect(json[`Team!K${2 + i}`]).toBeCloseTo(b.channel, 6);
    });
    // Worked example: Chen Jing, online: 30,000 × (40% × 108% + 60% × 115%) = 33,660.
    expect(json['Team!K2']).toBeCloseTo(33660, 6);
  });

  it('weights.dual-track-50-50: dual-track bonus per person', () => {
    bonus.forEach((b, i) => expect(json[`Team!L${2 + i}`]).toBeCloseTo(b.dual, 6));
  });

  it('payouts.risk-sharing: a missed team target cuts the stake pro rata; a met target cuts nothing', () => {
    bonus.forEach((b, i) => expect(json[`Team!M${2 + i}`]).toBeCloseTo(b.risk, 6));
    // Li Wei: team at 92% → −20% × 28,000 × 8% = −448.
    expect(json['Team!M3']).toBeCloseTo(-448, 6);
    expect(json['Team!M2']).toBe(0);
  });

  it('payouts.proration: mid-period joiners and leavers are paid by days in role (PERF.PRORATE)', () => {
    bonus.forEach((b, i) => {
      expect(json[`Team!N${2 + i}`]).toBeCloseTo(b.before, 6);
      expect(json[`Team!O${2 + i}`]).toBeCloseTo(b.payable, 6);
    });
    // Wang Fang joined 2025-04-01: 275 of 365 days.
    expect(json['Team!O4']).toBeCloseTo((bonus[2].before * 275) / 365, 6);
    // Zhao Lei left 2025-09-30: 273 of 365 days.
    expect(json['Team!O7']).toBeCloseTo((bonus[5].before * 273) / 365, 6);
  });

  it('payouts.hit-product-award: marginal tiers on units of the hit product (PERF.TIERED)', () => {
    awards.forEach((a, i) => expect(json[`Awards!D${2 + i}`]).toBeCloseTo(a.hit, 6));
    // 4,200 units: 1,000 × 2 + 2,000 × 3 + 1,200 × 5 = 14,000.
    expect(json['Awards!D2']).toBeCloseTo(14000, 6);
  });

  it('payouts.regional-penetration, payouts.ltv-bonus, payouts.new-region-2, payouts.incubation-20 per person', () => {
    expect(json[`Inputs!B${PARAM_ROW.LtvPerCustomer}`]).toBeCloseTo(ltvPerCustomer, 9);
    awards.forEach((a, i) => {
      const r = 2 + i;
      expect(json[`Awards!G${r}`]).toBeCloseTo(a.penetration, 6);
      expect(json[`Awards!I${r}`]).toBeCloseTo(a.ltv, 6);
      expect(json[`Awards!K${r}`]).toBeCloseTo(a.newRegion, 6);
      expect(json[`Awards!R${r}`]).toBeCloseTo(a.incubation, 6);
      expect(json[`Awards!S${r}`]).toBeCloseTo(a.total, 6);
    });
    // Zhang Min: 9 stores × 89% × 3,000 = 24,030; 1,850,000 × 2% = 37,000.
    expect(json['Awards!G5']).toBeCloseTo(24030, 6);
    expect(json['Awards!K5']).toBeCloseTo(37000, 6);
  });

  it('payouts.excess-profit-share: share of profit above target, capped (PERF.PROFITSHARE)', () => {
    awards.forEach((a, i) => expect(json[`Awards!N${2 + i}`]).toBeCloseTo(a.profitShare, 6));
    expect(json['Awards!N5']).toBe(num('ProfitShareCap')); // 10% × 320,000 = 32,000 → cap 30,000
  });

  it('payouts.price-band-5 / payouts.regional-budget-70-30: price changes checked, budgets split', () => {
    REGIONS.forEach(([, change, budget], i) => {
      const r = 14 + i;
      expect(json[`Awards!C${r}`]).toBe(Math.abs(change) <= 0.05 ? 'OK 合规' : 'Out of band 超出权限');
      expect(json[`Awards!E${r}`]).toBeCloseTo(budget * 0.7, 6);
      expect(json[`Awards!F${r}`]).toBeCloseTo(budget * 0.3, 6);
    });
  });

  it('payouts.draw: a recoverable draw advances the shortfall and recovers it (PERF.DRAW)', () => {
    drawPaid.forEach((paid, i) => {
      expect(json[`Draw!C${6 + i}`]).toBeCloseTo(paid, 6);
      expect(json[`Draw!D${6 + i}`]).toBeCloseTo(drawOutstanding[i], 6);
    });
    expect(json['Summary!B16']).toBeCloseTo(Math.max(...drawOutstanding), 6);
    expect(json['Summary!B17']).toBeCloseTo(drawOutstanding[drawOutstanding.length - 1], 6);
  });

  it('payouts.clawback: commission on deals cancelled within the window is taken back (PERF.CLAWBACK)', () => {
    clawbacks.forEach((c, i) => expect(json[`Clawbacks!G${5 + i}`]).toBeCloseTo(c, 6));
    // Paid 2025-08-12, cancelled 2025-11-10: exactly 90 days → still inside the window.
    expect(json['Clawbacks!G9']).toBe(-7200);
    expect(json['Clawbacks!G7']).toBe(0); // 136 days
  });

  it('summarizes the total payout by component and by person', () => {
    const components = [
      sum(bonus.map((b) => b.channel)),
      sum(bonus.map((b) => b.dual)),
      sum(bonus.map((b) => b.risk)),
      sum(bonus.map((b) => b.payable)) - sum(bonus.map((b) => b.before)),
      sum(awards.map((a) => a.hit)),
      sum(awards.map((a) => a.penetration)),
      sum(awards.map((a) => a.ltv)),
      sum(awards.map((a) => a.newRegion)),
      sum(awards.map((a) => a.profitShare)),
      sum(AWARDS.map((a) => a.innovation + a.idea)),
      sum(awards.map((a) => a.incubation)),
      sum(clawbacks),
    ];
    components.forEach((c, i) => expect(json[`Summary!B${2 + i}`]).toBeCloseTo(c, 6));
    const total = sum(components);
    expect(json['Summary!B14']).toBeCloseTo(total, 6);

    PEOPLE.forEach((p, i) => {
      const claw = sum(DEALS.map((d, k) => (d.person === p.name ? clawbacks[k] : 0)));
      expect(json[`Summary!A${20 + i}`]).toBe(p.name);
      expect(json[`Summary!D${20 + i}`]).toBeCloseTo(claw, 6);
      expect(json[`Summary!E${20 + i}`]).toBeCloseTo(bonus[i].payable + awards[i].total + claw, 6);
    });
    expect(json['Summary!E28']).toBeCloseTo(total, 6);
  });

  it('carries its sixteen §1–§2 rules', () => {
    expect(channelTeamIncentive.rules.length).toBe(16);
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining([...PARAMS.map((p) => p.name!), 'HitProductTiers', 'TeamData']));
  });
});
