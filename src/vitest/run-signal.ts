import type { RunnerTestCase } from 'vitest';

/** One signal for a run: aborted when the user's signal or the running test's signal aborts. */
export interface RunSignal {
  signal: AbortSignal;
  /** Stop listening to the sources (call when the run is over). */
  unlink(): void;
}

/**
 * Link the user's `signal` and the Vitest test's own signal (aborted when the test times out
 * or the run is cancelled) into one, so a run stops with whichever fires first.
 */
export function runSignal(
  userSignal: AbortSignal | undefined,
  test: RunnerTestCase | undefined,
): RunSignal {
  const controller = new AbortController();
  const sources = [userSignal, test?.context?.signal].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  const abort = () => controller.abort();
  for (const s of sources) {
    if (s.aborted) abort();
    else s.addEventListener('abort', abort, { once: true });
  }
  return {
    signal: controller.signal,
    unlink: () => {
      for (const s of sources) s.removeEventListener('abort', abort);
    },
  };
}
