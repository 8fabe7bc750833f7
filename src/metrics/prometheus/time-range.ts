import { InvalidOptionError } from '../../errors.js';
import { parseDurationMs, type Duration } from '../../options/duration.js';

/** A point in time: a Date, an ISO 8601 string, or unix seconds. */
export type TimeInput = Date | string | number;

/** Read a time; throws InvalidOptionError naming `field`. Returns unix milliseconds. */
export function parseTimeMs(value: unknown, field: string): number {
  let ms = NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) ms = Date.parse(value);
  if (!Number.isFinite(ms))
    throw new InvalidOptionError(
      field,
      value,
      "a Date, an ISO 8601 time such as '2026-11-30T10:00:00Z', or unix seconds",
    );
  return ms;
}

/** A checked range query window. */
export interface RangeWindow {
  startMs: number;
  endMs: number;
  stepS: number;
}

/** Most points Prometheus returns per series (it refuses more than 11 000). */
const MAX_POINTS = 11_000;

/**
 * Resolve a range: `start`/`end` (end defaults to now), or `since` (a duration back from `end`);
 * `step` a duration ('5s') or ms. Throws InvalidOptionError naming the field for a bad or empty
 * range, both start and since, or more than 11 000 points per series.
 */
export function resolveRange(
  options: { start?: TimeInput; end?: TimeInput; since?: Duration; step?: Duration },
  nowMs = Date.now(),
): RangeWindow {
  const endMs = options.end === undefined ? nowMs : parseTimeMs(options.end, 'end');
  if (options.start !== undefined && options.since !== undefined)
    throw new InvalidOptionError('since', options.since, 'not both start and since');
  let startMs: number;
  if (options.since !== undefined) startMs = endMs - parseDurationMs(options.since, 'since');
  else if (options.start !== undefined) startMs = parseTimeMs(options.start, 'start');
  else
    throw new InvalidOptionError('start', undefined, 'a start time (or since) for a range query');
  if (!(startMs < endMs))
    throw new InvalidOptionError(
      'end',
      options.end ?? new Date(endMs).toISOString(),
      `a time after start (${new Date(startMs).toISOString()})`,
    );
  const stepMs = parseDurationMs(options.step ?? '15s', 'step');
  if ((endMs - startMs) / stepMs > MAX_POINTS)
    throw new InvalidOptionError(
      'step',
      options.step,
      `a step giving at most ${MAX_POINTS} points over the range`,
    );
  return { startMs, endMs, stepS: stepMs / 1000 };
}
