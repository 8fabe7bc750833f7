/** A/B comparison of two targets in paired ABBA rounds: run, judge, describe. */
export { compareTargets } from './compare-targets.js';
export { isAbResult } from '../contracts/ab-result.js';
export { judgeAb } from './judge-ab.js';
export { pairedLogRatioInterval } from './paired-stats.js';

export type { CompareTargetsOptions } from './ab-types.js';
export type { AbResult, AbRound, AbSideFigures } from '../contracts/ab-result.js';
export type {
  AbJudgement,
  AbMetricJudgement,
  AbState,
  AbMetric,
  AbTolerances,
} from './judge-ab.js';
export type { RatioInterval } from './paired-stats.js';
