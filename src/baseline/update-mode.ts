import type { MatcherState } from 'vitest';

/** Vitest's snapshot update mode: 'all' with -u, 'none' in CI, 'new' otherwise. */
export type UpdateMode = 'all' | 'new' | 'none';

/** True when the CI variable is set to something other than '', '0' or 'false'. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The update mode of the running test, read from the matcher context's snapshot state (so
 * `vitest -u` rewrites baselines as it rewrites snapshots). Without a snapshot state: 'none'
 * in CI, else 'new'. A missing baseline is never written in CI unless -u asks for it.
 */
export function updateMode(state: MatcherState): UpdateMode {
  // Absent outside a test file (a plain expect in a script).
  const mode = (state.snapshotState as MatcherState['snapshotState'] | undefined)
    ?.snapshotUpdateState;
  if (mode === 'all') return 'all';
  if (isCI() || mode === 'none') return 'none';
  return 'new';
}
