import { InvalidOptionError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/;

export type Duration = number | string;

/** The longest a Node timer can wait (2^31 - 1 ms, 24.8 days); a longer one fires at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/**
 * Parse a duration: a number of milliseconds, or a string like '250ms', '30s', '5m', '1.5h'.
 * Throws ERR_STRESS_INVALID_OPTION naming `field` for anything else, a negative value, or one
 * past MAX_DURATION_MS (Node's timers fire at once beyond it, so the run would end at once).
 */
export function parseDurationMs(value: unknown, field: string, { allowZero = false } = {}): number {
  let ms: number;
  if (typeof value === 'number') {
    ms = value;
  } else if (typeof value === 'string') {
    const match = DURATION_RE.exec(value);
    if (!match)
      throw new InvalidOptionError(
        field,
        value,
        "a duration such as 500 (ms), '250ms', '30s', '5m' or '1h'",
      );
    ms = Number(match[1]) * UNIT_MS[match[2]];
  } else {
    throw new InvalidOptionError(
      field,
      value,
      "a duration such as 500 (ms), '250ms', '30s', '5m' or '1h'",
    );
  }
  if (!Number.isFinite(ms) || ms < 0 || (!allowZero && ms === 0)) {
    throw new InvalidOptionError(field, value, allowZero ? 'a duration >= 0' : 'a duration > 0');
  }
  if (ms > MAX_DURATION_MS)
    throw new InvalidOptionError(
      field,
      value,
      `a duration of at most ${MAX_DURATION_MS} ms (24.8 days, the longest a timer can wait)`,
    );
  return ms;
}

/** Render milliseconds for people: 950 ms, 12.5 s, 5 min. */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${round(ms, 1)} ms`;
  if (ms < 120_000) return `${round(ms / 1000, 1)} s`;
  return `${round(ms / 60_000, 1)} min`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
