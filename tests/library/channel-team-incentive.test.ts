/**
 * The built-in channel-team-incentive template. Plan rules it carries: online channels weight
 * the individual 60%, offline the team 70%; the dual-track bonus 50/50; risk-sharing (对赌) —
 * above target a share of excess profit, below it a pro-rata cut, so a person gets one or the
 * other; the new-region team award of 2% of team sales (split among members by the dual-track
 * rule); hit-product, penetration, LTV, innovation (5,000–20,000; ideas 500–5,000), failed
 * innovation subsidy 50%, incubation 20%; price band ±5%; regional budget 70/30; annual targets
 * broken into months (month 1 = 20%). Every number is recomputed here from the sample inputs,
 * in both workbooks; the period is switched to a quarter through the workbook layer.
 */
import { calcBytes, toJson } from '../../calc/book';
import {
  AWARDS, DEALS, DRAW_EARNED, DRAW_FIRST, HIT_TIERS, PARAMS, PARAM_ROW, PEOPLE, REGIONS, SUMMARY, SUMMARY_LINES, TEAMS, channelTeamIncentive, channelTeamIncentiveZh,
} from '../../library/templates/channel-team-incentive';
import { SEASONALITY } from '../../library/kit/targets';
import { nodeCodec } from '../../workbook/node-codec';
import { patchSheetXml } from '../../workbook/patch';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive, writeZip } from '../../workbook/zip';
import { names, ruleValues } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';
import { sum } from '../support/library-sum';

const value = (name: string) => PARAMS.find((p) => p.name === name)!.value;
const num = (name: string) => value(name) as number;
const serial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

// ---- the plan computed by hand, for the full year (the sample's period) --------------------
const periodStart = serial(value('PeriodStart') as Date);
const periodEnd = serial(value('PeriodEnd') as Date);
const teamAttainment = TEAMS.map(([, , , annual, sales]) => sales / annual);
const teamAward = TEAMS.map(([, , , , , newRegion]) => newRegion * num('NewRegionRate'));

const bonus = PEOPLE.map((p) => {
  const team = teamAttainment[p.team];
  const individual = p.sales / p.annualTarget;
  const teamWeight = TEAMS[p.team][2] === 'online' ? 1 - num('OnlineIndividualWeight') : num('OfflineTeamWeight');
  const channel = p.baseBonus * (teamWeight * team + (1 - teamWeight) * individual);
  const dw = num('DualTrackTeamWeight');
  const dual = p.dualBonus * (dw * team + (1 - dw) * individual);
  const cut = team < 1 ? -num('RiskShareStake') * p.baseBonus * (1 - team) : 0;
  const profitShare = team >= 1 ? Math.min(num('ProfitShareCap'), num('ProfitShareRate') * Math.max(0, p.profit - p.profitTarget)) : 0;
  const before = channel + dual + cut;
  const from = p.start ? Math.max(serial(p.start), periodStart) : periodStart;
  const to = p.end ? Math.min(serial(p.end), periodEnd) : periodEnd;
  const payable = (before * Math.max(0, to - from + 1)) / (periodEnd - periodStart + 1);
  return { team, individual, teamWeight, channel, dual, cut, profitShare, before, payable };
});
const newRegion = PEOPLE.map((p, i) => {
  const mates = PEOPLE.map((q, k) => [q, k] as const).filter(([q]) => q.team === p.team);
  const dw = num('DualTrackTeamWeight');
  return teamAward[p.team] * (dw / mates.length + ((1 - dw) * bonus[i].individual) / sum(mates.map(([, k]) => bonus[k].individual)));
});

function hitAward(units: number): number {
  return sum(HIT_TIERS.map(([from, perUnit], i) => Math.max(0, Math.min(units, i + 1 < HIT_TIERS.length ? HIT_TIERS[i + 1][0] : Infinity) - from) * perUnit));
}
const ltvPerCustomer = (num('LtvMargin') * num('LtvRetention')) / (1 + num('LtvDiscount') - num('LtvRetention'));
const awards = AWARDS.map((a) => {
  const hit = hitAward(a.hitUnits);
  const penetration = a.newStores * a.retention * num('PenetrationAwardPerStore');
  const ltv = a.privateCustomers * ltvPerCustomer * num('LtvShare');
  const subsidy = a.failedInnovationCost * num('FailureSubsidy');
  const incubation = a.incubationGains * num('IncubationShare');
  return { hit, penetration, ltv, subsidy, incubation, total: hit + penetration + ltv + a.innovation + a.idea + subsidy + incubation };
});
const clawbacks = DEALS.map((d) => (d.cancelled && serial(d.cancelled) - serial(d.paid) <= num('ClawbackWindowDays') ? -d.commission * num('ClawbackPortion') : 0));

const drawOutstanding: number[] = [];
{
  let owed = 0;
  for (const earned of DRAW_EARNED) {
    const net = earned - owed;
    const paid = net >= num('DrawAmount') ? net : num('DrawAmount');
    owed = paid - net;
    drawOutstanding.push(owed);
  }
}

const PEOPLE_FIRST = 14; // People rows 14..21 on the Team sheet
describeEachLanguage({
  'en-US': [channelTeamIncentive, { inputs: 'Inputs', team: 'Team', awards: 'Awards', clawbacks: 'Clawbacks', draw: 'Draw', summary: 'Summary', targets: 'Targets' }],
  'zh-CN': [channelTeamIncentiveZh, { inputs: '参数', team: '团队', awards: '专项奖励', clawbacks: '提成追回', draw: '预支', summary: '汇总', targets: '目标' }],
}, ({ template, locale, S, book, json }) => {

  it('carries the plan numbers, each cell saying where it comes from', () => {
    const at = (name: string) => json[`${S.inputs}!B${PARAM_ROW[name]}`];
    expect(['OnlineIndividualWeight', 'OfflineTeamWeight', 'DualTrackTeamWeight', 'NewRegionRate', 'InnovationMin', 'InnovationMax', 'IdeaMin', 'IdeaMax', 'FailureSubsidy', 'IncubationShare', 'PriceBand', 'RegionalDirectShare'].map(at)).toEqual([
      0.6, 0.7, 0.5, 0.02, 5000, 20000, 500, 5000, 0.5, 0.2, 0.05, 0.7,
    ]);
    expect(String(json[`${S.inputs}!D${PARAM_ROW.FailureSubsidy}`])).toMatch(locale === 'en-US' ? /^plan rule: a failed but compliant innovation gets 50%/ : /^方案规则：合规但失败的创新补贴50%/);
    expect(json[`${S.inputs}!D${PARAM_ROW.DrawAmount}`]).toBe(EXAMPLE_NOTE[locale]);
    expect(Object.keys(ruleValues(template, book))).toEqual(expect.arrayContaining(['payouts.risk-sharing', 'payouts.excess-profit-share', 'scoring.monthly-milestone-20', 'targets.annual-breakdown']));
  });

  it('targets.annual-breakdown: team and individual targets for the period from PERF.QUOTASPLIT (the full year here); month 1 = 20%', () => {
    expectClose(json[`${S.targets}!B12`], 0.2);
    TEAMS.forEach(([, , , annual], i) => expect(json[`${S.team}!F${5 + i}`]).toBe(annual));
    PEOPLE.forEach((p, i) => expect(json[`${S.team}!M${PEOPLE_FIRST + i}`]).toBe(p.annualTarget));
  });

  it('weights.online-individual-60 / weights.offline-team-70 / weights.dual-track-50-50: channel and dual-track bonus (PERF.SPLIT)', () => {
    bonus.forEach((b, i) => {
      const r = PEOPLE_FIRST + i;
      expectClose(json[`${S.team}!L${r}`], b.teamWeight);
      expectClose(json[`${S.team}!N${r}`], b.individual);
      expectClose(json[`${S.team}!O${r}`], b.team);
      expectClose(json[`${S.team}!P${r}`], b.channel);
      expectClose(json[`${S.team}!Q${r}`], b.dual);
    });
    // Chen Jing, online: 30,000 × (40% × 108% + 60% × 115%) = 33,660.
    expectClose(json[`${S.team}!P${PEOPLE_FIRST}`], 33660);
  });

  it('payouts.risk-sharing: below target a pro-rata cut, above it the excess-profit share — never both', () => {
    bonus.forEach((b, i) => {
      expectClose(json[`${S.team}!R${PEOPLE_FIRST + i}`], b.cut);
      expectClose(json[`${S.team}!U${PEOPLE_FIRST + i}`], b.profitShare);
      expect(b.cut === 0 || b.profitShare === 0).toBe(true);
    });
    // Zhao Lei: 10,000 above his profit target, but South stores at 92%: −20% × 26,000 × 8% = −416 and no profit share.
    expectClose(json[`${S.team}!R${PEOPLE_FIRST + 5}`], -416);
    expect(json[`${S.team}!U${PEOPLE_FIRST + 5}`]).toBe(0);
    // Zhang Min: North stores at 112%, 10% × 320,000 = 32,000 → cap 30,000.
    expect(json[`${S.team}!U${PEOPLE_FIRST + 3}`]).toBe(30000);
  });

  it('payouts.new-region-2: 2% of the team\'s new-region sales, split half equally and half by individual attainment', () => {
    expect(json[`${S.team}!H7`]).toBe(55400);
    newRegion.forEach((award, i) => expectClose(json[`${S.team}!V${PEOPLE_FIRST + i}`], award));
    expectClose(newRegion[3] + newRegion[7], 55400);
  });

  it('proration: joiners and leavers are paid by days in role (PERF.PRORATE)', () => {
    bonus.forEach((b, i) => {
      expectClose(json[`${S.team}!S${PEOPLE_FIRST + i}`], b.before);
      expectClose(json[`${S.team}!T${PEOPLE_FIRST + i}`], b.payable);
    });
    // Wang Fang joined 2025-04-01: 275 of 365 days.
    expectClose(json[`${S.team}!T${PEOPLE_FIRST + 2}`], (bonus[2].before * 275) / 365);
  });

  it('awards by person: hit product (PERF.TIERED), penetration, LTV, failed-innovation subsidy, incubation', () => {
    awards.forEach((a, i) => {
      const r = 5 + i;
      expectClose(json[`${S.awards}!N${r}`], a.hit);
      expectClose(json[`${S.awards}!J${r}`], a.penetration);
      expectClose(json[`${S.awards}!K${r}`], a.ltv);
      expectClose(json[`${S.awards}!L${r}`], a.subsidy);
      expectClose(json[`${S.awards}!M${r}`], a.incubation);
      expectClose(json[`${S.awards}!O${r}`], a.total);
    });
    // 4,200 units: 1,000 × 2 + 2,000 × 3 + 1,200 × 5 = 14,000; Li Wei's failed pilot: 12,000 × 50% = 6,000.
    expect([json[`${S.awards}!N5`], json[`${S.awards}!L6`]]).toEqual([14000, 6000]);
  });

  it('payouts.price-band-5 / payouts.regional-budget-70-30: price changes checked, budgets split', () => {
    REGIONS.forEach(([, , change, budget], i) => {
      const r = 18 + i;
      expect(json[`${S.awards}!D${r}`]).toBe(Math.abs(change) <= 0.05 ? 'OK' : locale === 'en-US' ? 'out of band' : '超出权限');
      expectClose(json[`${S.awards}!E${r}`], budget * 0.7);
      expectClose(json[`${S.awards}!F${r}`], budget * 0.3);
    });
  });

  it('a recoverable draw and clawbacks (PERF.DRAW, PERF.CLAWBACK)', () => {
    drawOutstanding.forEach((owed, i) => expectClose(json[`${S.draw}!D${DRAW_FIRST + i}`], owed));
    clawbacks.forEach((c, i) => expect(json[`${S.clawbacks}!H${5 + i}`]).toBe(c === 0 ? 0 : c));
    // Paid 2025-08-12, cancelled 2025-11-10: exactly 90 days → still inside the window.
    expect(json[`${S.clawbacks}!H9`]).toBe(-7200);
  });

  it('summarizes the total payout by component and by person', () => {
    const components = [
      sum(bonus.map((b) => b.channel)),
      sum(bonus.map((b) => b.dual)),
      sum(bonus.map((b) => b.cut)),
      sum(bonus.map((b) => b.payable)) - sum(bonus.map((b) => b.before)),
      sum(bonus.map((b) => b.profitShare)),
      sum(newRegion),
      sum(awards.map((a) => a.hit)),
      sum(awards.map((a) => a.penetration)),
      sum(awards.map((a) => a.ltv)),
      sum(AWARDS.map((a) => a.innovation + a.idea)),
      sum(awards.map((a) => a.subsidy)),
      sum(awards.map((a) => a.incubation)),
      sum(clawbacks),
    ];
    expect(components.length).toBe(SUMMARY_LINES);
    components.forEach((c, i) => expectClose(json[`${S.summary}!B${SUMMARY.first + i}`], c));
    const total = sum(components);
    expectClose(json[`${S.summary}!B${SUMMARY.first + SUMMARY_LINES}`], total);
    expectClose(json[`${S.summary}!B${SUMMARY.first + SUMMARY_LINES + 2}`], Math.max(...drawOutstanding));
    PEOPLE.forEach((p, i) => {
      const r = SUMMARY.personHeader + 1 + i;
      const awardTotal = sum(AWARDS.map((a, k) => (a.person === i ? awards[k].total : 0)));
      const claw = sum(DEALS.map((d, k) => (d.person === i ? clawbacks[k] : 0)));
      expect(json[`${S.summary}!A${r}`]).toBe(p.name[locale]);
      expectClose(json[`${S.summary}!F${r}`], bonus[i].payable + bonus[i].profitShare + newRegion[i] + awardTotal + claw);
    });
    expectClose(sum(PEOPLE.map((_, i) => json[`${S.summary}!F${SUMMARY.personHeader + 1 + i}`] as number)), total);
  });

  it('settles a quarter when the period says so: targets become the quarter\'s months, attainment follows', async () => {
    const model = readWorkbookModel(ZipArchive.read(book.bytes), nodeCodec);
    const sheet = model.sheets.find((s) => s.name === S.targets)!;
    const zip = ZipArchive.read(book.bytes);
    const q3 = locale === 'en-US' ? 'Q3' : '三季度';
    const patched = patchSheetXml(zip.text(sheet.part, nodeCodec), { writes: [{ row: 3, col: 2, value: q3 }], clear: [] });
    const bytes = writeZip(zip.entries.map((e) => (e.name === sheet.part ? { name: e.name, data: patched } : { name: e.name, copy: e })), nodeCodec);
    const after = toJson(await calcBytes(bytes));
    const q3Share = SEASONALITY[6] + SEASONALITY[7] + SEASONALITY[8];
    TEAMS.forEach(([, , , annual, sales], i) => {
      expectClose(after[`${S.team}!F${5 + i}`], annual * q3Share);
      expectClose(after[`${S.team}!G${5 + i}`], sales / (annual * q3Share));
    });
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining([...PARAMS.filter((p) => p.name).map((p) => p.name!), 'HitProductTiers', 'Seasonality', 'PeriodMask', 'Period']));
  });
});
