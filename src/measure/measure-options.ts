import type { TestRef } from '../vitest/explicit-test.js';
import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { parseDurationMs, type Duration } from '../options/duration.js';

/**
 * Options of measure(). With `duration` alone, calls go on for that long; with `iterations`
 * alone, exactly that many calls are made; with both, at least that many for at least that long.
 */
export interface MeasureOptions {
  /** How long to keep calling: ms or '5s', '250ms'. Default '1s' when `iterations` is not given. */
  duration?: Duration;
  /** How many calls to make (at least this many when `duration` is given too). */
  iterations?: number;
  /** Unrecorded calls first, to warm the JIT: true (250 ms, at least one call), false, or a duration. Default true. */
  warmup?: boolean | Duration;
  /** A label for reports; default the function's name. */
  name?: string;
  /** Stops the run after the call in progress when aborted. */
  signal?: AbortSignal;
  /** The test to record the run in: the test context (exact under any concurrency). Default: the calling test. */
  test?: TestRef;
}

/** Validated measure() options, with units in the names. */
export interface ResolvedMeasureOptions {
  /** Time budget in ms; 0 when only `iterations` bounds the run. */
  durationMs: number;
  /** Minimum number of calls (exact when durationMs is 0). */
  iterations: number;
  /** Warmup budget in ms; 0 = no warmup. */
  warmupMs: number;
  name: string;
  signal?: AbortSignal;
}

export const MEASURE_OPTION_KEYS = ['duration', 'iterations', 'warmup', 'name', 'signal'] as const;

const DEFAULT_DURATION_MS = 1000;
const DEFAULT_WARMUP_MS = 250;

/** Validate measure()'s function and options: throws coded errors naming the field, the value and what is allowed. */
export function validateMeasureOptions(
  fn: unknown,
  input: MeasureOptions | undefined,
): ResolvedMeasureOptions {
  if (typeof fn !== 'function')
    throw new InvalidOptionError('fn', fn, 'a function to call (sync or async)');
  const o = (input ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    throw new InvalidOptionError(
      'options',
      input,
      'an object { duration, iterations, warmup, name, signal }',
    );
  rejectUnknownKeys(o, MEASURE_OPTION_KEYS, 'measure() options');

  let iterations = 1;
  if (o.iterations !== undefined) {
    if (typeof o.iterations !== 'number' || !Number.isInteger(o.iterations) || o.iterations < 1) {
      throw new InvalidOptionError('iterations', o.iterations, 'an integer >= 1');
    }
    iterations = o.iterations;
  }
  let durationMs = 0;
  if (o.duration !== undefined) durationMs = parseDurationMs(o.duration, 'duration');
  else if (o.iterations === undefined) durationMs = DEFAULT_DURATION_MS;

  let warmupMs = DEFAULT_WARMUP_MS;
  if (o.warmup === false) warmupMs = 0;
  else if (o.warmup !== undefined && o.warmup !== true) {
    if (typeof o.warmup !== 'number' && typeof o.warmup !== 'string') {
      throw new InvalidOptionError('warmup', o.warmup, "true, false or a duration such as '250ms'");
    }
    warmupMs = parseDurationMs(o.warmup, 'warmup', { allowZero: true });
  }

  if (o.name !== undefined && (typeof o.name !== 'string' || o.name.length === 0))
    throw new InvalidOptionError('name', o.name, 'a non-empty string');
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new InvalidOptionError('signal', o.signal, 'an AbortSignal');
  const name = (o.name as string | undefined) ?? ((fn as { name?: string }).name || 'anonymous');

  return { durationMs, iterations, warmupMs, name, signal: o.signal as AbortSignal | undefined };
}
