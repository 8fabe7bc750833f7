import type { ConfidenceOptions } from './confidence-options.js';

/**
 * The matchers' signatures, added to Vitest's `expect(...)` by the augmentation below. Threshold
 * matchers take an optional last `{ confidence: 0.95 }`: pass / fail / inconclusive from an interval.
 */
export interface StressMatchers<R = unknown> {
  /** Median latency of successful responses below `ms`. */
  toHaveP50Below(ms: number, options?: ConfidenceOptions): R;
  /** 95th percentile latency of successful responses below `ms`. */
  toHaveP95Below(ms: number, options?: ConfidenceOptions): R;
  /** 99th percentile latency of successful responses below `ms`. */
  toHaveP99Below(ms: number, options?: ConfidenceOptions): R;
  /** Any percentile (0 < p <= 100) below `ms`. */
  toHavePercentileBelow(percentile: number, ms: number, options?: ConfidenceOptions): R;
  /** failed / finished below `fraction` (0.01 = 1%). */
  toHaveErrorRateBelow(fraction: number, options?: ConfidenceOptions): R;
  /** ok / finished above `fraction` (0.8 = 80%). */
  toHaveSuccessRateAbove(fraction: number, options?: ConfidenceOptions): R;
  /** Finished requests per second above `rps`. */
  toHaveThroughputAbove(rps: number, options?: ConfidenceOptions): R;
  /**
   * After phase `options.after` ends, rolling p95 and error rate back within tolerance of the phase
   * before it within `ms`.
   */
  toRecoverWithin(ms: number, options: import('../result/recovery.js').RecoveryOptions): R;
  /** ok / finished at least `minSuccessRate` (default 0.8) under faults; the message lists the failure breakdown. */
  toBeResilient(options?: import('./to-be-resilient.js').ResilienceOptions): R;
  /**
   * Every failure an injected fault (with withFaults()), a 503 with Retry-After or a 429; nothing
   * past its timeout + graceMs (default 500).
   */
  toDegradeGracefully(options?: import('./to-degrade-gracefully.js').GracefulOptions): R;
  /**
   * Least-squares growth of resident memory (or options.metric, bytes) after warm-up below
   * maxGrowthMBPerHour; needs server metrics.
   */
  toHaveStableMemory(options: import('./to-have-stable-memory.js').StableMemoryOptions): R;
  /** Highest sampled value of server metric `name` over the run below `value`; needs server metrics. */
  toHaveMetricBelow(name: string, value: number): R;
  /**
   * No alert rule (default: the seed's) fires over the run, with Prometheus' `for` semantics scaled
   * with the profile; a rule without data fails.
   */
  toFireNoAlerts(
    rules?: readonly import('../metrics/alerts/rule.js').AlertRule[],
    options?: import('../metrics/alerts/evaluate.js').EvaluateOptions,
  ): R;
  /**
   * Compare with the baseline in __perf__/<spec>.json: regression only when an interval lies wholly
   * past its tolerance, e.g. { p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' }. Writes a
   * missing baseline (never in CI); -u rewrites it.
   */
  toMatchPerfBaseline(
    tolerances: import('../baseline/tolerance.js').BaselineTolerances,
    options?: import('../baseline/baseline-options.js').PerfBaselineOptions,
  ): R;
  /**
   * A compareTargets() result shows no regression beyond the tolerances (default { p95: '+10%' });
   * pass | fail | inconclusive from paired-round intervals.
   */
  toShowNoRegression(
    tolerances?: import('../ab/judge-ab.js').AbTolerances,
    options?: import('./to-show-no-regression.js').NoRegressionOptions,
  ): R;
  /**
   * A history (readHistory()) has no lasting change point past the tolerance in `options.metric`
   * (default p95) among its newest runs, as `vitest-stress history check` judges.
   */
  toHaveNoChangePoint(options?: import('./to-have-no-change-point.js').NoChangePointOptions): R;
  /**
   * A findCapacity() result sustains at least `level` users (or rps): pass / fail / inconclusive
   * (inconclusive fails).
   */
  toSustainAtLeast(level: number, unit: 'users' | 'rps'): R;
  /**
   * Async: every answered request audited exactly once, no unknown ids. `await
   * expect(run).toHaveCompleteAuditTrail({ exportUrl })`.
   */
  toHaveCompleteAuditTrail(
    source: import('../audit/audit-source.js').AuditSource,
    options?: import('./to-have-complete-audit-trail.js').AuditTrailOptions,
  ): Promise<R>;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends StressMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends StressMatchers {}
}
