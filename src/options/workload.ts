import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from './closest-name.js';
import { parseDurationMs } from './duration.js';
import type { ResolvedLoadOptions } from './load-options.js';
import { expectInteger, expectPositive } from './option-checks.js';
import { resolveStages } from './stages.js';

const DEFAULT_USERS = 10;
const DEFAULT_DURATION_MS = 10_000;

/** The workload fields of the resolved options. */
export type Workload = Pick<
  ResolvedLoadOptions,
  'model' | 'users' | 'rate' | 'stages' | 'durationMs' | 'requests'
>;

/** The workload: a staged plan, or users or rate with a duration or a request count. */
export function resolveWorkload(o: Record<string, unknown>): Workload {
  if (o.stages !== undefined) {
    for (const key of ['users', 'rate', 'duration', 'requests'] as const) {
      if (o[key] !== undefined)
        throw new InvalidOptionError(
          key,
          o[key],
          'nothing when stages are given (each stage has its own)',
        );
    }
    const stages = resolveStages(o.stages);
    return { model: stages[0].rate !== undefined ? 'open' : 'closed', stages };
  }
  if (o.users !== undefined && o.rate !== undefined)
    throw new InvalidOptionError(
      'rate',
      o.rate,
      'either users (closed model) or rate (open model), not both',
    );
  const model = o.rate !== undefined ? 'open' : 'closed';
  const rate = o.rate !== undefined ? expectPositive(o.rate, 'rate') : undefined;
  const users =
    model === 'closed'
      ? o.users === undefined
        ? DEFAULT_USERS
        : expectInteger(o.users, 'users')
      : undefined;
  if (o.duration !== undefined && o.requests !== undefined)
    throw new InvalidOptionError('requests', o.requests, 'either duration or requests, not both');
  if (o.requests !== undefined)
    return { model, users, rate, stages: [], requests: expectInteger(o.requests, 'requests') };
  const durationMs =
    o.duration === undefined ? DEFAULT_DURATION_MS : parseDurationMs(o.duration, 'duration');
  return { model, users, rate, stages: [], durationMs };
}

/** The `thinkTime` option: a fixed pause or a `{ min, max }` range between a user's requests, in ms. */
export function resolveThinkTime(value: unknown): ResolvedLoadOptions['thinkTime'] {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) {
    const t = value as Record<string, unknown>;
    rejectUnknownKeys(t, ['min', 'max'], 'thinkTime');
    const minMs = parseDurationMs(t.min, 'thinkTime.min', { allowZero: true });
    const maxMs = parseDurationMs(t.max, 'thinkTime.max', { allowZero: true });
    if (minMs > maxMs)
      throw new InvalidOptionError(
        'thinkTime.min',
        t.min,
        `a think time no greater than thinkTime.max (${maxMs} ms)`,
      );
    return { minMs, maxMs };
  }
  const ms = parseDurationMs(value, 'thinkTime', { allowZero: true });
  return { minMs: ms, maxMs: ms };
}
