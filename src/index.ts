/**
 * vitest-stress: load, stress and chaos testing of HTTP services as Vitest specs.
 * This entry point holds what a spec author uses: load(), measure(), compareTargets(), feeder(), profiles,
 * the option, result and matcher types and the errors. Chaos, server metrics, synthetic data,
 * statistics building blocks and split/merge plumbing have their own: `vitest-stress/chaos`,
 * `/metrics`, `/data`, `/stats`, `/split` (docs/api.md lists every export).
 */
export { load } from './load.js';
export { measure } from './measure/measure.js';
export { isRunResult, isRunSummary } from './contracts/run-result.js';
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
  AuditSourceError,
} from './errors.js';
export { compareTargets, isAbResult } from './ab/index.js';
export { readStore as readHistory } from './history/history-store.js';
// feeder(), its errors and its types: the feeders room's own index lists them once.
export * from './journeys/feeders/index.js';

export type { StressErrorCode } from './errors.js';
export type { Duration } from './options/duration.js';
export type { ProfileName } from './options/profile.js';
export type { MeasureOptions } from './measure/measure-options.js';
export type {
  LoadOptions,
  ScenarioOptions,
  StageOptions,
  BodyOption,
  BodyContext,
} from './options/load-options.js';
export type {
  RunResult,
  RunSummary,
  RequestCounts,
  LatencySummary,
  TimelineEntry,
  LedgerEntry,
  RunLedger,
  LedgerFileSection,
  ErrorCount,
  LoadModel,
  ResultEngine,
  ScheduleReport,
  SplitInfo,
  MergedInfo,
  FailureCause,
  StepSummary,
  JourneySummary,
} from './contracts/run-result.js';
export type {
  JourneyOptions,
  StepOptions,
  StepContext,
  StepResponse,
  StepValue,
  CaptureSpec,
  CheckSpec,
  CheckFunction,
  JourneyVars,
} from './contracts/journeys.js';
export type { RequestOutcome } from './contracts/request-outcome.js';
export type { TlsOptions } from './options/tls.js';
export type { SplitOptions } from './options/split-option.js';
export type { LedgerOptions } from './options/ledger-option.js';
export type { RunResultWithPhases } from './result/build-result.js';
export type { RecoveryOptions, RecoveryTolerance, Recovery } from './result/recovery.js';
export type { SlaVerdict, StressMeta, RunMeta, TryMeta } from './contracts/meta.js';
export type { TestRef } from './vitest/explicit-test.js';
export type { StressMatchers } from './matchers/types.js';
export type { ResilienceOptions } from './matchers/to-be-resilient.js';
export type { GracefulOptions } from './matchers/to-degrade-gracefully.js';
export type { StableMemoryOptions } from './matchers/to-have-stable-memory.js';
export type { AuditTrailOptions } from './matchers/to-have-complete-audit-trail.js';
export type { AuditSource, AuditQuery } from './audit/audit-source.js';
export type { PercentileInterval, LatencyIntervals } from './contracts/latency.js';
export type { ConfidenceOptions } from './matchers/confidence-options.js';
export type { VerdictState, VerdictInterval, BaselineVerdict } from './contracts/meta.js';
export type { BaselineTolerances, Tolerance } from './baseline/tolerance.js';
export type { PerfBaselineOptions } from './baseline/baseline-options.js';
export type {
  CompareTargetsOptions,
  AbResult,
  AbRound,
  AbSideFigures,
  AbMetric,
  AbTolerances,
} from './ab/index.js';
export type { NoRegressionOptions } from './matchers/to-show-no-regression.js';
export type { NoChangePointOptions } from './matchers/to-have-no-change-point.js';
export type { HistoryRecord, HistoryPoint } from './history/history-record.js';
export type { HistoryMetric } from './history/history-series.js';
export type { StoreContents } from './history/history-store.js';
export type { JudgeOptions } from './history/judge-series.js';
export type { UntilOptions } from './sequential/until-options.js';
export type { SequentialReport, SequentialVerdict } from './contracts/sequential.js';
export type { SequentialAbOptions } from './ab/sequential-ab.js';
export type { AbSequentialReport } from './contracts/ab-result.js';
export { findCapacity } from './capacity/index.js';
export type {
  CapacityOptions,
  CapacitySla,
  LevelRange,
  CapacityResult,
  LevelSummary,
  SlaLineVerdict,
  Attribution,
  ResourceReading,
  UslFit,
} from './capacity/index.js';
