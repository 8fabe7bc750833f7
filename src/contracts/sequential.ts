/** One SLA a stop-when-decided run (`load({ until })`) was judged by, look after look. */
export interface SequentialVerdict {
  /** 'p50' | 'p95' | 'p99' (ms, successful responses) or 'errorRate' (failed / finished). */
  metric: 'p50' | 'p95' | 'p99' | 'errorRate';
  /** The SLA's limit: ms for percentiles, a fraction for the error rate. */
  threshold: number;
  /** 'inconclusive' when no look decided it before the run ended. */
  state: 'pass' | 'fail' | 'inconclusive';
  /** ms after the run's start of the look that decided it (or of the last look). */
  atMs: number;
  /** The bounds that look judged on (null: too few samples for that bound). */
  low: number | null;
  high: number | null;
  /** Error probability that look used for each bound (its share of α under the spending). */
  lookAlpha: number;
}

/** How a stop-when-decided run ended and why. */
export interface SequentialReport {
  /** 1 − α: the chance, over all looks together, that a conclusive verdict is right at the threshold. */
  confidence: number;
  method: 'obrien-fleming-spending';
  /** 'decided': every SLA conclusive; 'max-duration': ran to `duration`; 'aborted': signal/timeout. */
  stoppedBecause: 'decided' | 'max-duration' | 'aborted';
  /** ms after the start when the run was stopped (the driver stops within 1 s of it). */
  stoppedAtMs: number;
  maxDurationMs: number;
  looks: number;
  verdicts: SequentialVerdict[];
}
