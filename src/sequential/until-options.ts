import { InvalidOptionError, UnknownOptionError } from '../errors.js';
import { parseDurationMs } from '../options/duration.js';
import type { Duration } from '../options/duration.js';
import type { SequentialVerdict } from '../contracts/sequential.js';

/**
 * `load({ until })`: the SLAs a run is judged by while it runs. It stops as soon as each is
 * conclusively passed or failed (or at `duration`, its maximum). At least one SLA is required.
 */
export interface UntilOptions {
  /** ms; a percentile of successful responses. */
  p50Below?: number;
  p95Below?: number;
  p99Below?: number;
  /** A fraction in (0, 1]: failed / finished requests. */
  errorRateBelow?: number;
  /** 1 − α over all looks together, in (0.5, 1); default 0.95. */
  confidence?: number;
  /** No look before this (default '5s'); capped at the run's duration. */
  minDuration?: Duration;
}

/** One SLA to watch. */
export interface UntilSla {
  metric: SequentialVerdict['metric'];
  threshold: number;
  /** 50 / 95 / 99 for percentiles; undefined for the error rate. */
  percentile?: number;
}

/** Validated `until`. */
export interface ResolvedUntil {
  slas: UntilSla[];
  alpha: number;
  minDurationMs: number;
}

const KEYS = ['p50Below', 'p95Below', 'p99Below', 'errorRateBelow', 'confidence', 'minDuration'];
const PERCENTILES = [
  ['p50Below', 'p50', 50],
  ['p95Below', 'p95', 95],
  ['p99Below', 'p99', 99],
] as const;

/** Validate `until` against the run's maximum duration; throws coded errors naming the field. */
export function resolveUntil(value: unknown, maxDurationMs: number | undefined): ResolvedUntil {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError(
      'until',
      value,
      '{ p95Below?, p99Below?, p50Below?, errorRateBelow?, confidence?, minDuration? }',
    );
  }
  const o = value as Record<string, unknown>;
  const unknown = Object.keys(o).find((key) => !KEYS.includes(key));
  if (unknown !== undefined)
    throw new UnknownOptionError(
      `until.${unknown}`,
      undefined,
      `until (allowed: ${KEYS.join(', ')})`,
    );
  if (maxDurationMs === undefined) {
    throw new InvalidOptionError(
      'until',
      value,
      'a run with `duration` (its maximum); not with `requests` or `stages`',
    );
  }
  const slas: UntilSla[] = [];
  for (const [key, metric, percentile] of PERCENTILES) {
    if (o[key] === undefined) continue;
    const ms = o[key];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0)
      throw new InvalidOptionError(`until.${key}`, ms, 'a number of ms > 0');
    slas.push({ metric, threshold: ms, percentile });
  }
  if (o.errorRateBelow !== undefined) {
    const rate = o.errorRateBelow;
    if (typeof rate !== 'number' || !(rate > 0 && rate <= 1))
      throw new InvalidOptionError(
        'until.errorRateBelow',
        rate,
        'a fraction in (0, 1] (0.01 = 1%)',
      );
    slas.push({ metric: 'errorRate', threshold: rate });
  }
  if (slas.length === 0)
    throw new InvalidOptionError(
      'until',
      value,
      'at least one of p50Below, p95Below, p99Below, errorRateBelow',
    );
  const confidence = o.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0.5 && confidence < 1)) {
    throw new InvalidOptionError(
      'until.confidence',
      confidence,
      'a number in (0.5, 1) such as 0.95',
    );
  }
  const minMs =
    o.minDuration === undefined
      ? 5000
      : parseDurationMs(o.minDuration, 'until.minDuration', { allowZero: true });
  return { slas, alpha: 1 - confidence, minDurationMs: Math.min(minMs, maxDurationMs) };
}
