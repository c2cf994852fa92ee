/**
 * Valid calls of every catalog function but BENCHMARK (a service lookup), by catalog id, as Excel
 * passes arguments (2-D arrays). Two sweeps start from them: the runtime contract puts extreme
 * numbers in place of each call's numbers (tests/addin/runtime-contract.test.ts), and the engine-error
 * sweep puts bad values in place of each argument (tests/i18n/engine-errors.test.ts). Both sweeps run
 * every call, so a new function joins both with one entry here.
 */
import { AHP3, CURVE, CURVES3, DATA, TIERS, col, row } from './fixtures';

/** A second payout curve, [attainment, factor] with a 0.8 → 0.5 step (the bad-argument sweep's). */
const SWEEP_CURVE = [[0.5, 0], [0.8, 0.5], [1, 1], [1.5, 2]];
/** Four alternatives × three criteria with one tie row (the bad-argument sweep's). */
const SWEEP_DATA = [[1, 2, 3], [4, 1, 6], [7, 8, 2], [3, 3, 3]];
/** Three response curves, [max response α, half-saturation spend κ, shape s], one S-shaped (the bad-argument sweep's). */
const SWEEP_CURVES = [[1000, 200, 0.8], [1500, 400, 1], [800, 100, 2.5]];

export const VALID_CALLS: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  NORMALIZE: [
    [row(1, 3, 4)],
    [[[1, 2, 3]]],
  ],
  AHP: [
    [AHP3, null],
    [[[1, 3, 5], [null, 1, 2], [null, null, 1]], null],
  ],
  AHPCR: [
    [AHP3],
    [[[1, 3, 5], [null, 1, 2], [null, null, 1]]],
  ],
  ENTROPY: [
    [DATA, null, 'proportion'],
    [SWEEP_DATA, null, null],
  ],
  CRITIC: [
    [DATA, row(1, -1, 1)],
    [SWEEP_DATA, [[1, -1, 1]]],
  ],
  ROC: [
    [col(1, 2, 2, 4)],
    [[[1, 2, 3, 3]]],
  ],
  BLEND: [
    [col(0.5, 0.3, 0.2), col(0.2, 0.3, 0.5), 0.7, 'multiplicative'],
    [[[0.5], [0.3], [0.2]], [[0.2, 0.3, 0.5]], 0.5, null],
  ],
  ATTAIN: [
    [col(1.5, 2.5), 2, col(-1, 1)],
    [[[110], [90]], 100, -1],
  ],
  CURVE: [
    [col(0.4, 0.9, 1.2), CURVE, null],
    [[[0.9], [1.2]], SWEEP_CURVE, null],
  ],
  SCORECARD: [
    [
      [
        [110, 90, 130],
        [80, 100, 95],
      ],
      row(100, 100, 100),
      row(50, 30, 20),
      null,
      1.2,
      0,
    ],
    [[[110, 90, 130], [80, 100, 95]], [[100, 100, 100]], [[50, 30, 20]], [[1, -1, 1]], 1.2, 0.5],
  ],
  STATUS: [
    [col(0.97, 0.9, 0.3), null],
    [[[0.7], [0.9], [1]], [[0, 'red'], [0.8, 'amber'], [0.95, 'green']]],
  ],
  RATER: [
    [col(4, 3, 5), col('manager', 'peer', 'customer'), [['manager', 0.5], ['peer', 0.3], ['customer', 0.2]]],
    [[[4], [3], [5]], [['self'], ['peer'], ['manager']], [['self', 0.2], ['peer', 0.3], ['manager', 0.5]]],
  ],
  TIERED: [
    [col(10000, 35000, 80000), TIERS, null],
    [[[10000], [35000]], TIERS, 'marginal'],
  ],
  PAYOUT: [
    [col(0.8, 1.2), CURVE, 20000, 0.5, 2],
    [[[0.7], [1.1]], SWEEP_CURVE, 10000, 0.8, 1.5],
  ],
  SPLIT: [
    [col(1, 0.8), col(0.9, 1.1), 0.7, col(1000, 2000)],
    [[[1.1], [0.9]], [[1], [1.2]], 0.6, 1000],
  ],
  PROFITSHARE: [
    [col(1200000, 900000), 1000000, 0.1, 15000],
    [[[120], [80]], 100, 0.2, 10],
  ],
  PRORATE: [
    [col(1000, 2000), col(45000, null), col(null, 45100), 44927, 45291],
    [1000, 45000, 45100, 45000, 45030],
  ],
  CLAWBACK: [
    [col(500, 800), col(45000, 45010), col(45030, null), 90, 0.5],
    [[[100], [200]], 45000, 45020, 30, 0.5],
  ],
  DRAW: [
    [row(3000, 6000, 4000), 5000, true],
    [[[100, 300, 50]], 150, true],
  ],
  CREDIT: [
    [col('li', 'wang', 'zhao'), col('li', 'wang', 'wang', 'zhao'), col(1000, 2000, -500, 3000), col(1, 0.5, null, 1), col(null, 'li', 'li')],
    [[['A'], ['B'], ['C']], [['A'], ['B'], ['A']], [[100], [50], [-10]], [[1], [0.5], [null]], [[null], ['A'], ['A']]],
  ],
  POOL: [
    [500000, col(3, 2, 1), 200000, null],
    [1000, [[1], [2], [3]], 400, 50],
  ],
  QUOTASPLIT: [
    [col(120000, 60000), row(1, 1, 1.5, 2), 100],
    [[[1000], [2000]], [[1, 2, 4]], 10],
  ],
  REBATE: [
    [col(50000, 250000), [['from', 'distributor', 'retail'], [0, 0.01, 0.005], [100000, 0.02, 0.01]], col('distributor', 'retail'), null],
    [[[50000], [150000]], [['', 'national', 'retail'], [0, 0.01, 0.02], [100000, 0.02, 0.03]], [['retail'], ['national']], 'retro'],
  ],
  PAYBACK: [
    [col(-1000, 300, 400, 500), 0.08],
    [[[-1000, 300, 400, 500]], 0.05], // pays back in period 3; at 10% it never would (#N/A)
  ],
  BCR: [
    [col(0, 500, 500), col(800, 50), 0.08],
    [[[100, 200]], [[150]], 0.05],
  ],
  BREAKEVEN: [
    [500000, 120, 70],
    [1000, 20, 12],
  ],
  LTV: [
    [col(300, 200), 0.8, 0.1, col(null, 5)],
    [100, 0.8, 0.1, 5],
  ],
  MARGINAL: [
    [col(1, 2, 3, 4), col(10, 15, 18, 19)],
    [[[0, 10, 20]], [[0, 50, 80]]],
  ],
  OPTIMUM: [
    [col(1, 2, 3, 4), col(10, 15, 18, 19), 1],
    [[[0, 10, 20]], [[0, 50, 80]], 2],
  ],
  RESPONSE: [
    [col(100, 200, 300), CURVES3],
    [[[100], [200], [300]], SWEEP_CURVES],
  ],
  ALLOCATE: [
    [850, CURVES3, null, null],
    [1000, SWEEP_CURVES, [[0], [100], [0]], [[500], [800], [400]]],
  ],
  SIM: [
    ['pert', 4, 8, 24, 50, 1],
    ['triangular', 0, 1, 2, 20, 7],
  ],
  SIMCORR: [
    [[['normal', 10, 2, null], ['uniform', 0, 1, null]], [[1, 0.6], [0.6, 1]], 40, 3],
    [[['normal', 0, 1, null], ['uniform', 0, 1, null]], [[1, 0.5], [0.5, 1]], 10, 3],
  ],
  SUMMARY: [
    [col(1, 2, 3, 4, 5)],
    [[[1], [2], [3], [4]]],
  ],
  PARETO: [
    [col(50, 30, 15, 5), 0.8, 0.95],
    [[[100, 50, 30, 20]], 0.8, 0.95],
  ],
  CHANNELTIER: [
    [col(500, 300, 100, 50), col(0.1, 0.5, 0.05, -0.2), col(4, 3, 2, 5), col(0.02, -0.2, 0.1, 0), col(0.05, -0.18, 0.1, 0.01), null],
    [[[100], [50]], [[0.1], [0.4]], [[5], [2]], [[-0.2], [0]], [[-0.2], [0.1]], [['min_roi', 3], ['exit_decline', 0.15]]],
  ],
};
