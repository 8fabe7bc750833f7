import { InvalidOptionError } from '../errors.js';
import type { RunResult, TimelineEntry } from '../contracts/run-result.js';

/**
 * When a run counts as recovered. A window of `windowS` consecutive seconds is within
 * tolerance when the highest per-second p95 in it is at most baseline p95 × `p95Factor`
 * and its error rate (errors / finished) is at most baseline error rate + `errorRate`.
 */
export interface RecoveryTolerance {
  /** Multiple of the baseline p95 the rolling p95 may reach. Default 1.5. */
  p95Factor?: number;
  /** How much the error rate may exceed the baseline's, absolute (0.01 = one point). Default 0.01. */
  errorRate?: number;
  /** Length of the rolling window, whole seconds. Default 3. */
  windowS?: number;
}

export interface RecoveryOptions {
  /** The phase (stage) after whose end recovery is measured, e.g. 'spike'. */
  after: string;
  /** A number is shorthand for `{ p95Factor }`. */
  tolerance?: RecoveryTolerance | number;
  /** Phase to compare with; default the phase just before `after`. */
  baseline?: string;
}

/** Recovery after a phase, at the timeline's 1 s resolution. */
export interface Recovery {
  /**
   * ms from the end of `phase` to the start of the first window within tolerance; null if none
   * before the run ended.
   */
  recoveredAfterMs: number | null;
  phase: string;
  baselinePhase: string;
  baselineP95Ms: number;
  baselineErrorRate: number;
  /** The rolling p95 had to be at or below this, ms. */
  p95LimitMs: number;
  /** The window's error rate had to be at or below this. */
  errorRateLimit: number;
  windowS: number;
  /** How long the run went on after the phase ended, ms (the most recovery time that could be seen). */
  observedAfterMs: number;
}

const DEFAULTS = { p95Factor: 1.5, errorRate: 0.01, windowS: 3 };

/**
 * Time after the phase `after` ends until the run is back to normal: the rolling p95 and
 * error rate within `tolerance` of the phase before it. Reads `result.timeline` (each second
 * labelled with the phase in force at its end) and `result.phases`. The phase counts as ended
 * at the start of the first second labelled with a later phase. A second with no finished
 * requests but requests in flight (a hung server) is not within tolerance; one with neither
 * is neutral. Throws InvalidOptionError for an unknown phase or a baseline without latency.
 */
export function measureRecovery(
  result: Pick<RunResult, 'timeline' | 'phases'>,
  options: RecoveryOptions,
): Recovery {
  const tolerance = resolveTolerance(options.tolerance);
  const names = Object.keys(result.phases);
  const index = names.indexOf(options.after);
  if (index < 0)
    throw new InvalidOptionError(
      'after',
      options.after,
      names.length
        ? `one of the run's phases: ${names.join(', ')}`
        : 'a phase name, but this run has no stages',
    );
  const baselinePhase = options.baseline ?? names[index - 1];
  if (baselinePhase === undefined)
    throw new InvalidOptionError(
      'after',
      options.after,
      'a phase with a phase before it (or pass baseline)',
    );
  const baseline = result.phases[baselinePhase];
  if (!baseline)
    throw new InvalidOptionError(
      'baseline',
      baselinePhase,
      `one of the run's phases: ${names.join(', ')}`,
    );
  const baselineP95Ms = baseline.latency.p95;
  if (baselineP95Ms === null)
    throw new InvalidOptionError(
      'baseline',
      baselinePhase,
      'a phase with successful responses to compare with',
    );

  const timeline = result.timeline;
  const lastOfPhase = findLastIndex(timeline, (e) => e.phase === options.after);
  const endIndex = lastOfPhase < 0 ? timeline.length : lastOfPhase + 1;
  const p95LimitMs = baselineP95Ms * tolerance.p95Factor;
  const errorRateLimit = baseline.errorRate + tolerance.errorRate;
  let recoveredAfterMs: number | null = null;
  for (let start = endIndex; start + tolerance.windowS <= timeline.length; start++) {
    if (
      withinTolerance(timeline.slice(start, start + tolerance.windowS), p95LimitMs, errorRateLimit)
    ) {
      recoveredAfterMs = (timeline[start].t - (timeline[endIndex]?.t ?? 0)) * 1000;
      break;
    }
  }
  const observedAfterMs = endIndex < timeline.length ? (timeline.length - endIndex) * 1000 : 0;
  return {
    recoveredAfterMs,
    phase: options.after,
    baselinePhase,
    baselineP95Ms,
    baselineErrorRate: baseline.errorRate,
    p95LimitMs: round(p95LimitMs),
    errorRateLimit: round(errorRateLimit),
    windowS: tolerance.windowS,
    observedAfterMs,
  };
}

function withinTolerance(
  window: TimelineEntry[],
  p95LimitMs: number,
  errorRateLimit: number,
): boolean {
  let requests = 0;
  let errors = 0;
  for (const e of window) {
    if (e.requests === 0 && e.inFlight > 0) return false;
    if (e.p95 !== null && e.p95 > p95LimitMs) return false;
    requests += e.requests;
    errors += e.errors;
  }
  return requests > 0 && errors / requests <= errorRateLimit;
}

function resolveTolerance(tolerance: RecoveryOptions['tolerance']): Required<RecoveryTolerance> {
  if (tolerance === undefined) return { ...DEFAULTS };
  const t = typeof tolerance === 'number' ? { p95Factor: tolerance } : tolerance;
  if (typeof t !== 'object' || t === null)
    throw new InvalidOptionError(
      'tolerance',
      tolerance,
      'a p95 factor or { p95Factor, errorRate, windowS }',
    );
  const out = { ...DEFAULTS, ...t };
  if (typeof out.p95Factor !== 'number' || !(out.p95Factor >= 1) || !Number.isFinite(out.p95Factor))
    throw new InvalidOptionError('tolerance.p95Factor', out.p95Factor, 'a number >= 1');
  if (typeof out.errorRate !== 'number' || !(out.errorRate >= 0 && out.errorRate <= 1))
    throw new InvalidOptionError('tolerance.errorRate', out.errorRate, 'a fraction from 0 to 1');
  if (!Number.isInteger(out.windowS) || out.windowS < 1)
    throw new InvalidOptionError(
      'tolerance.windowS',
      out.windowS,
      'a whole number of seconds >= 1',
    );
  return out;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
