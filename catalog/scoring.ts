/** Scoring (评分): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/scoring';
import { family } from './family';
import { broadcast, columnPerRow } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const SCORING: CatalogFunction[] = family('scoring', [
  {
    id: 'ATTAIN',
    parameters: [range('actual'), range('target'), optional(range('direction'))],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.attain,
    readme: { example: '=PERF.ATTAIN(B2:B50, C2:C50)', result: 'attainment (−1 = lower is better)' },
  },
  {
    id: 'CURVE',
    parameters: [range('x'), range('curve'), optional(choice('mode', engine.CURVE_MODES))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.curve,
    explain: 'explainCurve',
    readme: { example: '=PERF.CURVE(D2:D50, Curve!A2:B6)', result: 'curve value (linear or `"lookup"`)' },
  },
  {
    id: 'SCORECARD',
    parameters: [
      range('actuals'),
      range('targets'),
      range('weights'),
      optional(range('directions')),
      optional(value('cap')),
      optional(value('floor')),
    ],
    result: { kind: 'range', shape: columnPerRow(0) },
    call: engine.scorecard,
    explain: 'explainScorecard',
    readme: { example: '=PERF.SCORECARD(B2:F50, B1:F1, Weights!B2:F2,, 1.2)', result: 'one weighted score per person' },
  },
  {
    id: 'STATUS',
    parameters: [range('attainment'), optional(range('bands'))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.status,
    readme: { example: '=PERF.STATUS(G2:G50)', result: 'green / amber / red' },
  },
  {
    id: 'RATER',
    parameters: [range('scores'), range('groups'), range('weights')],
    result: { kind: 'number' },
    call: engine.rater,
    readme: { example: '=PERF.RATER(B2:B9, C2:C9, F2:G4)', result: '360° blend' },
  },
]);
