/**
 * vitest-stress/stats: the statistics building blocks behind the verdicts with confidence —
 * percentile and proportion intervals, the A/B and baseline judgements, the histogram codec.
 * A spec needs none of them (the matchers call them); they are for tools that judge results
 * themselves. docs/trust.md explains the methods.
 */
export { percentileInterval, latencyIntervals } from '../trust/percentile-interval.js';
export { minSamplesForQuantile } from '../trust/order-statistic-ranks.js';
export { wilsonInterval, newcombeDifference } from '../trust/proportion-interval.js';
export { decodeHistogram } from '../histogram/latency-histogram.js';
export { judgeAb } from '../ab/judge-ab.js';
export { parseTolerances } from '../baseline/tolerance.js';
export { compareToBaseline } from '../baseline/compare-baseline.js';

export type { PercentileInterval, LatencyIntervals } from '../contracts/latency.js';
export type { ProportionInterval } from '../trust/proportion-interval.js';
export type { LatencyHistogram } from '../histogram/latency-histogram.js';
export type { AbJudgement, AbMetricJudgement, AbState } from '../ab/judge-ab.js';
export type { RatioInterval } from '../ab/paired-stats.js';
export type {
  MetricComparison,
  ComparisonOutcome,
  ComparedRun,
} from '../baseline/compare-baseline.js';
export type { BaselineEntry, BaselineSecond } from '../baseline/baseline-entry.js';
export { fitUsl, uslThroughput } from '../capacity/usl-fit.js';
export type { UslFit } from '../capacity/usl-fit.js';
