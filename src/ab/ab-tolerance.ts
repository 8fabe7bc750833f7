import { InvalidOptionError } from '../errors.js';

/** The metrics an A/B comparison judges. */
export const AB_METRICS = ['p50', 'p95', 'p99', 'errorRate', 'throughput'] as const;
export type AbMetric = (typeof AB_METRICS)[number];

/** Tolerances per metric: latencies '+10%', errorRate '+0.5pp' (percentage points), throughput '-10%'. */
export type AbTolerances = Partial<Record<AbMetric, string>>;

const RISE_PERCENT = /^\+(\d+(?:\.\d+)?)%$/;
const DROP_PERCENT = /^-(\d+(?:\.\d+)?)%$/;
const RISE_POINTS = /^\+(\d+(?:\.\d+)?)pp$/;

/**
 * The line a regression of `metric` must cross: a ratio for latencies ('+10%' → 1.10) and
 * throughput ('-10%' → 0.90), a difference of proportions for errorRate ('+0.5pp' → 0.005).
 * The sign says which way is worse; the wrong sign or unit is a coded error.
 */
export function abToleranceLimit(metric: AbMetric, text: unknown): number {
  const field = `tolerances.${metric}`;
  const value = typeof text === 'string' ? text.trim() : '';
  if (metric === 'errorRate') {
    const m = RISE_POINTS.exec(value);
    if (!m) throw new InvalidOptionError(field, text, "percentage points such as '+0.5pp' (the error rate may rise by at most 0.5 points)");
    return Number(m[1]) / 100;
  }
  if (metric === 'throughput') {
    const m = DROP_PERCENT.exec(value);
    if (!m || Number(m[1]) >= 100) throw new InvalidOptionError(field, text, "a drop such as '-10%' (below 100%)");
    return 1 - Number(m[1]) / 100;
  }
  const m = RISE_PERCENT.exec(value);
  if (!m) throw new InvalidOptionError(field, text, "a rise such as '+10%' (latency may grow by at most 10%)");
  return 1 + Number(m[1]) / 100;
}
