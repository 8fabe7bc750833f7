import { activeProfileName, profileDuration, type ProfileName } from '../../options/profile.js';
import type { RunResult } from '../../contracts/run-result.js';
import type { AlertRule } from './rule.js';
import { signalSource, type SignalReader } from './signals.js';

/** One stretch during which a rule's condition held. */
export interface AlertEpisode {
  /** When the condition first held (Prometheus: pending, activeAt), seconds since the run started. */
  pendingAtS: number;
  /** When the `for` window had passed and the alert fired; absent if it never did. */
  firingAtS?: number;
  /** When the condition stopped holding; absent if it still held when the run ended. */
  resolvedAtS?: number;
  /** Seconds it was firing (until resolved or the run's end); 0 if it never fired. */
  firingForS: number;
  /** Highest value of the quantity during the episode. */
  peak: number;
}

/** A rule's verdict over a run. */
export interface AlertVerdict {
  rule: AlertRule;
  /** 'fired': reached firing at least once; 'no-data': the quantity never had a value; 'ok' otherwise. */
  status: 'ok' | 'fired' | 'no-data';
  /** The `for` window used, seconds (after profile scaling). */
  forS: number;
  episodes: AlertEpisode[];
  /** Evaluations that had a value (one per second of the run). */
  evaluations: number;
  /** Highest value seen over the run, or null. */
  peak: number | null;
  /** Why there was no data, when status is 'no-data'. */
  noData?: string;
}

/** Options of evaluateAlerts(). */
export interface EvaluateOptions {
  /**
   * Scale `for` windows like durations for this profile; default the run's profile (or
   * STRESS_PROFILE), 'full' = as written.
   */
  profile?: ProfileName;
}

const PROFILES: readonly string[] = ['smoke', 'quick', 'full'];

/**
 * A rule's `for` window under `profile`, ms: scaled like a duration written at full length (5 min →
 * 30 s under quick).
 */
export function scaledForMs(rule: AlertRule, profile: ProfileName): number {
  return rule.forMs === 0 ? 0 : profileDuration(rule.forMs, profile);
}

/**
 * Evaluate alert rules over a run the way Prometheus does, once per second of the run: while
 * the quantity is above the threshold the alert is pending, after the `for` window it fires,
 * when the quantity falls back (or has no value) it resolves. A quantity with no value at any
 * second is 'no-data', never 'ok'.
 */
export function evaluateAlerts(
  run: RunResult,
  rules: readonly AlertRule[],
  options: EvaluateOptions = {},
): AlertVerdict[] {
  const profile =
    options.profile ??
    (PROFILES.includes(run.profile) ? (run.profile as ProfileName) : activeProfileName());
  return rules.map((rule) => {
    const forS = scaledForMs(rule, profile) / 1000;
    const source = signalSource(run, rule.signal);
    if ('noData' in source)
      return {
        rule,
        status: 'no-data',
        forS,
        episodes: [],
        evaluations: 0,
        peak: null,
        noData: source.noData,
      };
    return verdictOf(rule, forS, source.read, run.timeline.length);
  });
}

/** The pending → firing → resolved walk over evaluations at 1..endS seconds. */
function verdictOf(rule: AlertRule, forS: number, read: SignalReader, endS: number): AlertVerdict {
  const episodes: AlertEpisode[] = [];
  let open: AlertEpisode | undefined;
  let evaluations = 0;
  let peak: number | null = null;
  for (let tS = 1; tS <= endS; tS++) {
    const value = read(tS);
    if (value !== undefined && Number.isFinite(value)) {
      evaluations++;
      peak = peak === null ? value : Math.max(peak, value);
    }
    const active = value !== undefined && value > rule.threshold;
    if (active) {
      open ??= { pendingAtS: tS, firingForS: 0, peak: value };
      open.peak = Math.max(open.peak, value);
      if (open.firingAtS === undefined && tS - open.pendingAtS >= forS) open.firingAtS = tS;
    } else if (open) {
      open.resolvedAtS = tS;
      episodes.push(close(open, tS));
      open = undefined;
    }
  }
  if (open) episodes.push(close(open, endS));
  const status =
    evaluations === 0
      ? 'no-data'
      : episodes.some((e) => e.firingAtS !== undefined)
        ? 'fired'
        : 'ok';
  return {
    rule,
    status,
    forS,
    episodes,
    evaluations,
    peak,
    ...(status === 'no-data'
      ? { noData: 'the quantity had no value at any second of the run' }
      : {}),
  };
}

function close(episode: AlertEpisode, untilS: number): AlertEpisode {
  return {
    ...episode,
    firingForS: episode.firingAtS === undefined ? 0 : untilS - episode.firingAtS,
  };
}
