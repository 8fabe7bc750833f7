import { InvalidOptionError } from '../errors.js';

export type ProfileName = 'smoke' | 'quick' | 'full';
const PROFILES: readonly ProfileName[] = ['smoke', 'quick', 'full'];

/** The profile in force: STRESS_PROFILE (smoke | quick | full), 'quick' when unset. */
export function activeProfileName(env: NodeJS.ProcessEnv = process.env): ProfileName {
  const value = env.STRESS_PROFILE;
  if (value === undefined || value === '') return 'quick';
  if (!(PROFILES as readonly string[]).includes(value)) throw new InvalidOptionError('STRESS_PROFILE', value, PROFILES.join(' | '));
  return value as ProfileName;
}
