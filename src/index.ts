/** vitest-stress: load, stress and chaos testing of HTTP services as Vitest specs. */
export { load } from './load.js';
export { measure } from './measure.js';
export { decodeHistogram, encodeHistogram, summarizeLatency } from './recorder/latency-histogram.js';
export { isRunResult, isRunSummary } from './result/types.js';
export { withAccessors } from './result/build-result.js';
export { measureRecovery } from './result/recovery.js';
export { parseDurationMs } from './options/duration.js';
export { activeProfileName, profileDuration, profileScale, scaleStages } from './options/profile.js';
export { writeFileAtomic } from './output/atomic-write.js';
export {
  StressError,
  InvalidOptionError,
  UnknownOptionError,
  RemoteTargetError,
  WriteFailedError,
} from './errors.js';
export { generateCreditRecords, serializePayload, serializeRecord, CREDIT_FEATURES, MAX_GENERATED_RECORDS } from './data/index.js';
export { chaosProxy, parseFaults, FAULT_TYPES, joinFaults, withFaults, faultsOf } from './chaos/index.js';
export { compareAuditTrail } from './audit/audit-trail.js';
export { compareTargets, isAbResult, judgeAb, pairedLogRatioInterval } from './ab/index.js';
export {
  sampleMetrics,
  loadWithMetrics,
  withMetrics,
  metricsOf,
  isMetricsSeries,
  pointsOf,
  parseExposition,
  seriesKey,
  DEFAULT_METRIC_NAMES,
  linearTrend,
  afterWarmup,
} from './metrics/index.js';
// trust: intervals and baselines
export { percentileInterval, latencyIntervals, DEFAULT_CONFIDENCE } from './trust/percentile-interval.js';
export { minSamplesForQuantile, orderStatisticRanks } from './trust/order-statistic-ranks.js';
export { binomialCdf } from './trust/binomial.js';
export { wilsonInterval, newcombeDifference } from './trust/proportion-interval.js';
export { throughputInterval } from './trust/throughput-interval.js';
export { bootstrapQuantileRatio, bootstrapMeanRatio } from './trust/block-bootstrap.js';
export { inconclusivePolicy } from './trust/inconclusive.js';
export { parseTolerances } from './baseline/tolerance.js';
export { baselinePath, readBaselineFile } from './baseline/baseline-file.js';
export { compareToBaseline } from './baseline/compare-baseline.js';
export { machineFingerprint } from './baseline/fingerprint.js';
export { BaselineFileError } from './errors.js';

export type { StressErrorCode } from './errors.js';
export type { Duration } from './options/duration.js';
export type { ProfileName } from './options/profile.js';
export type { CreditRecord, CreditPayload, CreditFeature, GenerateCreditOptions } from './data/index.js';
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
} from './result/types.js';
export type { RunResultWithPhases } from './result/build-result.js';
export type { RecoveryOptions, RecoveryTolerance, Recovery } from './result/recovery.js';
export type { ScheduleReport } from './engine/driver.js';
export type { SlaVerdict, StressMeta, RunMeta } from './vitest/meta.js';
export type {
  ChaosProxy,
  ChaosProxyOptions,
  FaultOptions,
  FaultLogEntry,
  OutageWindow,
  FaultBreakdown,
  RunResultWithFaults,
} from './chaos/index.js';
export type { AuditSource, AuditQuery } from './audit/audit-source.js';
export type { AuditComparison } from './audit/audit-trail.js';
export type {
  MetricsSampler,
  MetricsSamplerOptions,
  LoadMetricsOptions,
  RunResultWithMetrics,
  MetricsSeries,
  MetricsSample,
  ScrapeGap,
  MetricPoint,
  MetricFamily,
  MetricSample,
  MetricType,
  LinearTrend,
  WarmupOptions,
} from './metrics/index.js';
export type { StableMemoryOptions } from './matchers/to-have-stable-memory.js';
// trust: intervals and baselines
export type { PercentileInterval, LatencyIntervals } from './trust/percentile-interval.js';
export type { ProportionInterval } from './trust/proportion-interval.js';
export type { ThroughputInterval } from './trust/throughput-interval.js';
export type { BootstrapInterval, BootstrapOptions } from './trust/block-bootstrap.js';
export type { InconclusivePolicy } from './trust/inconclusive.js';
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
