/** The matchers' signatures, added to Vitest's `expect(...)` by the augmentation below. */
export interface StressMatchers<R = unknown> {
  /** Median latency of successful responses below `ms`. */
  toHaveP50Below(ms: number): R;
  /** 95th percentile latency of successful responses below `ms`. */
  toHaveP95Below(ms: number): R;
  /** 99th percentile latency of successful responses below `ms`. */
  toHaveP99Below(ms: number): R;
  /** Any percentile (0 < p <= 100) below `ms`. */
  toHavePercentileBelow(percentile: number, ms: number): R;
  /** failed / finished below `fraction` (0.01 = 1%). */
  toHaveErrorRateBelow(fraction: number): R;
  /** ok / finished above `fraction` (0.8 = 80%). */
  toHaveSuccessRateAbove(fraction: number): R;
  /** Finished requests per second above `rps`. */
  toHaveThroughputAbove(rps: number): R;
  /** After phase `options.after` ends, rolling p95 and error rate back within tolerance of the phase before it within `ms`. */
  toRecoverWithin(ms: number, options: import('../result/recovery.js').RecoveryOptions): R;
  /** ok / finished at least `minSuccessRate` (default 0.8) under faults; the message lists the failure breakdown. */
  toBeResilient(options?: import('./to-be-resilient.js').ResilienceOptions): R;
  /** Every failure an injected fault (with withFaults()), a 503 with Retry-After or a 429; nothing past its timeout + graceMs (default 500). */
  toDegradeGracefully(options?: import('./to-degrade-gracefully.js').GracefulOptions): R;
  /** Least-squares growth of resident memory (or options.metric, bytes) after warm-up below maxGrowthMBPerHour; needs server metrics. */
  toHaveStableMemory(options: import('./to-have-stable-memory.js').StableMemoryOptions): R;
  /** Highest sampled value of server metric `name` over the run below `value`; needs server metrics. */
  toHaveMetricBelow(name: string, value: number): R;
  /** No alert rule (default: the seed's) fires over the run, with Prometheus' `for` semantics scaled with the profile; a rule without data fails. */
  toFireNoAlerts(rules?: readonly import('../metrics/alerts/rule.js').AlertRule[], options?: import('../metrics/alerts/evaluate.js').EvaluateOptions): R;
  /** Async: every answered request audited exactly once, no unknown ids. `await expect(run).toHaveCompleteAuditTrail({ exportUrl })`. */
  toHaveCompleteAuditTrail(source: import('../audit/audit-source.js').AuditSource, options?: import('./to-have-complete-audit-trail.js').AuditTrailOptions): Promise<R>;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends StressMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends StressMatchers {}
}
