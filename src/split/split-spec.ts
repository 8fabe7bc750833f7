import { InvalidOptionError } from '../errors.js';

/** A validated split. */
export interface SplitSpec {
  index: number;
  count: number;
  /** Epoch ms, or undefined for "start now". */
  startAtMs: number | undefined;
  /** Where the split came from, for messages: 'split' (the option) or 'STRESS_SPLIT'. */
  source: 'split' | 'STRESS_SPLIT';
}

/** Longest a split may be asked to wait for its start: 10 minutes. */
export const MAX_START_AHEAD_MS = 10 * 60_000;
const SPLIT_RE = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const SPLIT_KEYS = new Set(['index', 'count', 'startAt']);

/**
 * The split in force: the `split` load option, else `STRESS_SPLIT=i/n` with `STRESS_START_AT`
 * (epoch ms) from the environment; undefined when neither is set. Throws InvalidOptionError
 * (ERR_STRESS_INVALID_OPTION) naming the option or variable for a malformed value.
 */
export function resolveSplit(
  option: unknown,
  env: NodeJS.ProcessEnv = process.env,
): SplitSpec | undefined {
  if (option !== undefined) return fromOption(option);
  const raw = env.STRESS_SPLIT;
  if (raw === undefined || raw === '') return undefined;
  const match = SPLIT_RE.exec(raw);
  if (!match)
    throw new InvalidOptionError(
      'STRESS_SPLIT',
      raw,
      "'<index>/<count>' with 1 <= index <= count, e.g. '2/4'",
    );
  const index = Number(match[1]);
  const count = Number(match[2]);
  checkIndex(index, count, 'STRESS_SPLIT', raw);
  return {
    index,
    count,
    startAtMs: parseStartAt(env.STRESS_START_AT, 'STRESS_START_AT'),
    source: 'STRESS_SPLIT',
  };
}

function fromOption(option: unknown): SplitSpec {
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new InvalidOptionError(
      'split',
      option,
      '{ index, count, startAt? } with 1 <= index <= count',
    );
  }
  const o = option as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!SPLIT_KEYS.has(key))
      throw new InvalidOptionError(
        `split.${key}`,
        o[key],
        'no such key: split takes { index, count, startAt? }',
      );
  }
  if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 1)
    throw new InvalidOptionError('split.count', o.count, 'an integer >= 1');
  if (typeof o.index !== 'number')
    throw new InvalidOptionError('split.index', o.index, `an integer from 1 to ${o.count}`);
  checkIndex(o.index, o.count, 'split.index', o.index);
  return {
    index: o.index,
    count: o.count,
    startAtMs: parseStartAt(o.startAt, 'split.startAt'),
    source: 'split',
  };
}

function checkIndex(index: number, count: number, field: string, raw: unknown): void {
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidOptionError(field, raw, 'a split count >= 1');
  if (!Number.isInteger(index) || index < 1 || index > count)
    throw new InvalidOptionError(field, raw, `a split index from 1 to ${count}`);
}

function parseStartAt(raw: unknown, field: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const ms = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new InvalidOptionError(
      field,
      raw,
      'a start time in epoch milliseconds, e.g. $(( $(date +%s) * 1000 + 60000 ))',
    );
  }
  return ms;
}
