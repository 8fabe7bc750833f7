import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { parseDurationMs } from '../options/duration.js';
import { LOAD_OPTION_KEYS, type LoadOptions } from '../options/load-options.js';
import { parseTarget } from '../options/target.js';
import { validateLoadOptions } from '../options/validate-load.js';
import type { CompareTargetsOptions } from './ab-types.js';
import { resolveSequentialAb, type SequentialAbPlan } from './sequential-ab.js';

const AB_KEYS = [
  ...LOAD_OPTION_KEYS.filter((k) => k !== 'target'),
  'baseline',
  'candidate',
  'rounds',
  'warmup',
  'sequential',
] as const;
const DEFAULT_ROUNDS = 6;

/** compareTargets() options after validation. */
export interface AbPlan {
  baseline: string;
  candidate: string;
  rounds: number;
  warmupMs: number;
  /**
   * The load() options of every run, without `target`; one seed for all runs so both sides get the
   * same request mix.
   */
  load: Omit<LoadOptions, 'target'>;
  /** Duration of each run, ms, when the runs are time-bounded. */
  roundDurationMs?: number;
  /** Sequential comparison: rounds are added in pairs until decided (then `rounds` = maxRounds). */
  sequential?: SequentialAbPlan;
}

/**
 * Check compareTargets() options; throws coded errors naming the field: unknown keys,
 * non-loopback targets (unless allowRemote), rounds not an even integer >= 2, bad load options.
 */
export function validateCompareOptions(options: unknown): AbPlan {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError(
      'options',
      options,
      'an object { baseline, candidate, rounds, ...load options }',
    );
  }
  const o = options as CompareTargetsOptions & { target?: unknown };
  if (o.target !== undefined)
    throw new InvalidOptionError(
      'target',
      o.target,
      'baseline and candidate URLs instead of target',
    );
  rejectUnknownKeys(o, AB_KEYS, 'compareTargets options');
  const allowRemote = o.allowRemote === true;
  const baseline = parseTarget(o.baseline, allowRemote, 'baseline').href;
  const candidate = parseTarget(o.candidate, allowRemote, 'candidate').href;
  if (o.sequential !== undefined && o.rounds !== undefined) {
    throw new InvalidOptionError(
      'rounds',
      o.rounds,
      'no rounds with sequential (it takes minRounds and maxRounds)',
    );
  }
  const sequential = o.sequential === undefined ? undefined : resolveSequentialAb(o.sequential);
  const rounds = sequential?.maxRounds ?? o.rounds ?? DEFAULT_ROUNDS;
  if (typeof rounds !== 'number' || !Number.isInteger(rounds) || rounds < 2 || rounds % 2 !== 0) {
    throw new InvalidOptionError(
      'rounds',
      rounds,
      'an even integer >= 2 (rounds alternate AB and BA, so drift hits both targets alike)',
    );
  }
  const warmupMs =
    o.warmup === undefined ? 0 : parseDurationMs(o.warmup, 'warmup', { allowZero: true });
  if (warmupMs > 0 && o.stages !== undefined)
    throw new InvalidOptionError(
      'warmup',
      o.warmup,
      'no warmup with stages (warm up with users or rate)',
    );
  const { baseline: _b, candidate: _c, rounds: _r, warmup: _w, sequential: _s, ...rest } = o;
  const load: Omit<LoadOptions, 'target'> = {
    ledger: false,
    ...rest,
    seed: o.seed ?? randomBytes(4).readUInt32LE(0),
  };
  // Fail before the first run, not in round 4.
  const resolved = validateLoadOptions({ ...load, target: baseline });
  return {
    baseline,
    candidate,
    rounds,
    warmupMs,
    load,
    ...(sequential ? { sequential } : {}),
    ...(resolved.durationMs !== undefined && resolved.stages.length === 0
      ? { roundDurationMs: resolved.durationMs }
      : {}),
  };
}
