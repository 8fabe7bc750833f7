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
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends StressMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends StressMatchers {}
}
