/** `vitest-stress/chaos`: the fault-injecting proxy and the join of its log with a run. */
export { chaosProxy } from './proxy.js';
export { joinFaults } from './join-faults.js';
export { withFaults, faultsOf } from './with-faults.js';
export type { ChaosProxy, ChaosProxyStats, ChaosFaultInfo } from './proxy.js';
export type { ChaosProxyOptions } from './proxy-options.js';
export type { TlsOptions } from '../options/tls.js';
export type { FaultOptions } from './fault-options.js';
export type { FaultLogEntry, OutageWindow, ProxyEnd, InjectedFault } from './fault-log.js';
export type {
  FaultType,
  LatencyParams,
  TimeoutParams,
  ResetParams,
  StatusParams,
  SlowBodyParams,
} from './faults/index.js';
export type { RunResultWithFaults } from './with-faults.js';
export type {
  FaultBreakdown,
  FailureSummary,
  UnexplainedFailures,
  JoinStats,
  OutageSpan,
  FaultTimelineEntry,
  OutcomeCounts,
} from '../contracts/fault-breakdown.js';
