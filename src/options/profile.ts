import { InvalidOptionError } from '../errors.js';
import { parseDurationMs, type Duration } from './duration.js';
import type { StageOptions } from './load-options.js';

export type ProfileName = 'smoke' | 'quick' | 'full';
const PROFILES: readonly ProfileName[] = ['smoke', 'quick', 'full'];

/** The profile in force: STRESS_PROFILE (smoke | quick | full), 'quick' when unset. */
export function activeProfileName(env: NodeJS.ProcessEnv = process.env): ProfileName {
  const value = env.STRESS_PROFILE;
  if (value === undefined || value === '') return 'quick';
  if (!(PROFILES as readonly string[]).includes(value))
    throw new InvalidOptionError('STRESS_PROFILE', value, PROFILES.join(' | '));
  return value as ProfileName;
}

/**
 * How each profile shortens a plan written at full length (the seed's durations):
 * the whole plan is scaled by one factor so that its total lands in the profile's window,
 * never longer than written. `divisor` is the usual shrink; `minMs`/`maxMs` clamp the total.
 */
export const PROFILE_SCALING: Record<
  ProfileName,
  { divisor: number; minMs: number; maxMs: number }
> = {
  smoke: { divisor: 60, minMs: 5_000, maxMs: 10_000 },
  quick: { divisor: 10, minMs: 30_000, maxMs: 60_000 },
  full: { divisor: 1, minMs: 0, maxMs: Infinity },
};

/**
 * The factor (0 < f <= 1) a plan of `totalMs` (as written) is multiplied by under `profile`:
 * the scaled total is totalMs / divisor clamped to [minMs, maxMs], and never more than totalMs.
 * E.g. quick: 5 min → 30 s, 30 min → 60 s, 20 s → 20 s; smoke: 5 min → 5 s, 30 min → 10 s.
 */
export function profileScale(totalMs: number, profile: ProfileName = activeProfileName()): number {
  if (!(totalMs > 0) || !Number.isFinite(totalMs)) return 1;
  const rule = PROFILE_SCALING[profile];
  const scaledMs = Math.min(
    totalMs,
    Math.max(rule.minMs, Math.min(rule.maxMs, totalMs / rule.divisor)),
  );
  return scaledMs / totalMs;
}

/** A duration written at full length, scaled for the profile in force; returns ms. */
export function profileDuration(
  duration: Duration,
  profile: ProfileName = activeProfileName(),
): number {
  const ms = parseDurationMs(duration, 'duration');
  return Math.round(ms * profileScale(ms, profile));
}

/**
 * Stages written at full length, scaled for the profile in force: every stage's duration and
 * ramp shrink by the same factor (chosen from the plan's total, see profileScale), so the
 * shape of the plan is kept. Levels (users, rate) are not scaled. Durations come back in ms;
 * a stage never gets shorter than 1 s.
 */
export function scaleStages<T extends StageOptions>(
  stages: readonly T[],
  profile: ProfileName = activeProfileName(),
): T[] {
  const durations = stages.map((s, i) => parseDurationMs(s.duration, `stages[${i}].duration`));
  const factor = profileScale(
    durations.reduce((a, b) => a + b, 0),
    profile,
  );
  return stages.map((stage, i) => {
    const durationMs = Math.max(Math.min(1000, durations[i]), Math.round(durations[i] * factor));
    const scaled: T = { ...stage, duration: durationMs };
    if (stage.ramp !== undefined && typeof stage.ramp !== 'boolean') {
      const rampMs = parseDurationMs(stage.ramp, `stages[${i}].ramp`, { allowZero: true });
      scaled.ramp = Math.min(durationMs, Math.round(rampMs * factor));
    }
    return scaled;
  });
}
