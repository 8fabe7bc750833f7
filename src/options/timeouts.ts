import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from './closest-name.js';
import { parseDurationMs } from './duration.js';
import type { ResolvedLoadOptions } from './load-options.js';
import { expectPlainObject } from './option-checks.js';

/** A request timeout: timers cannot honour less than 1 ms, so less is refused rather than rounded. */
export function parseTimeoutMs(value: unknown, field: string): number {
  const ms = parseDurationMs(value, field);
  if (ms < 1)
    throw new InvalidOptionError(
      field,
      value,
      'a timeout of at least 1 ms (timers cannot honour less)',
    );
  return ms;
}

/** The `clientTimeout` option: a fraction of requests the client gives up on after a timeout. */
export function resolveClientTimeout(value: unknown): ResolvedLoadOptions['clientTimeout'] {
  if (value === undefined) return undefined;
  const c = expectPlainObject(value, 'clientTimeout', "an object { rate: 0..1, timeout: '1s' }");
  rejectUnknownKeys(c, ['rate', 'timeout'], 'clientTimeout');
  if (typeof c.rate !== 'number' || !Number.isFinite(c.rate) || c.rate < 0 || c.rate > 1) {
    throw new InvalidOptionError(
      'clientTimeout.rate',
      c.rate,
      'a fraction of requests from 0 to 1',
    );
  }
  return { rate: c.rate, timeoutMs: parseTimeoutMs(c.timeout, 'clientTimeout.timeout') };
}
