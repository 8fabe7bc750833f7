/**
 * vitest-stress: load, stress and chaos testing of HTTP services as Vitest specs.
 * This entry point holds load(), measure(), profiles, the result and matcher types and the
 * errors. Chaos, server metrics and synthetic data have their own: `vitest-stress/chaos`,
 * `vitest-stress/metrics`, `vitest-stress/data` (docs/api.md lists every export).
 */
export { load } from './load.js';
export { measure } from './measure.js';
export { decodeHistogram } from './recorder/latency-histogram.js';
export { isRunResult, isRunSummary } from './result/types.js';
export { measureRecovery } from './result/recovery.js';
export { activeProfileName, profileDuration, scaleStages } from './options/profile.js';
export {
  StressError,
  InvalidOptionError,
  UnknownOptionError,
  RemoteTargetError,
  WriteFailedError,
  MissingPeerError,
  InvalidReportError,
  MergeError,
  PrometheusQueryError,
  PrometheusStartError,
  BaselineFileError,
} from './errors.js';
export { resolveSplit } from './split/split-spec.js';
export { shareOptions } from './split/share.js';
export { mergeSplitResults, writeMergedReports } from './merge/merge-splits.js';
export { compareTargets, isAbResult, judgeAb } from './ab/index.js';
export { percentileInterval, latencyIntervals } from './trust/percentile-interval.js';
export { minSamplesForQuantile } from './trust/order-statistic-ranks.js';
export { wilsonInterval, newcombeDifference } from './trust/proportion-interval.js';
export { parseTolerances } from './baseline/tolerance.js';
export { compareToBaseline } from './baseline/compare-baseline.js';
export { machineFingerprint } from './baseline/fingerprint.js';

export type { StressErrorCode } from './errors.js';
export type { Duration } from './options/duration.js';
export type { ProfileName } from './options/profile.js';
export type { MeasureOptions } from './measure/measure-options.js';
export type { LoadOptions, ScenarioOptions, StageOptions, BodyOption, BodyContext } from './options/load-options.js';
export type {
  RunResult,
  RunSummary,
  RequestCounts,
  RequestOutcome,
  LatencySummary,
  TimelineEntry,
  LedgerEntry,
  ErrorCount,
  LoadModel,
  ResultEngine,
  ScheduleReport,
  SplitInfo,
  MergedInfo,
  FailureCause,
} from './result/types.js';
export type { TlsOptions } from './options/tls.js';
export type { SplitOptions, SplitSpec } from './split/split-spec.js';
export type { MergeOutcome, MergedPerfResults, MergedSplitSource } from './merge/merge-splits.js';
export type { LatencyHistogram } from './recorder/latency-histogram.js';
export type { RunResultWithPhases } from './result/build-result.js';
export type { RecoveryOptions, RecoveryTolerance, Recovery } from './result/recovery.js';
export type { SlaVerdict, StressMeta, RunMeta, TryMeta } from './vitest/meta.js';
export type { TestRef } from './vitest/explicit-test.js';
export type { StressMatchers } from './matchers/types.js';
export type { ResilienceOptions } from './matchers/to-be-resilient.js';
export type { GracefulOptions } from './matchers/to-degrade-gracefully.js';
export type { StableMemoryOptions } from './matchers/to-have-stable-memory.js';
export type { AuditTrailOptions } from './matchers/to-have-complete-audit-trail.js';
export type { AuditSource, AuditQuery } from './audit/audit-source.js';
export type { PercentileInterval, LatencyIntervals } from './trust/percentile-interval.js';
export type { ProportionInterval } from './trust/proportion-interval.js';
export type { ConfidenceOptions } from './matchers/confidence-options.js';
export type { VerdictState, VerdictInterval, BaselineVerdict } from './vitest/meta.js';
export type { BaselineTolerances, Tolerance } from './baseline/tolerance.js';
export type { PerfBaselineOptions } from './baseline/baseline-options.js';
export type { BaselineFile } from './baseline/baseline-file.js';
export type { BaselineEntry, BaselineSecond } from './baseline/baseline-entry.js';
export type { MetricComparison, ComparisonOutcome } from './baseline/compare-baseline.js';
export type { MachineFingerprint } from './baseline/fingerprint.js';
export type {
  CompareTargetsOptions,
  AbResult,
  AbRound,
  AbSideFigures,
  AbMetric,
  AbTolerances,
  AbJudgement,
  AbMetricJudgement,
  AbState,
  RatioInterval,
  NoRegressionOptions,
} from './ab/index.js';
export { findCapacity, fitUsl, uslThroughput } from './capacity/index.js';
export type {
  CapacityOptions, CapacitySla, LevelRange, CapacityResult, LevelSummary, SlaLineVerdict, Attribution,
  ResourceReading, UslFit,
} from './capacity/index.js';
