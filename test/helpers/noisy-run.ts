import { createRandom } from '../../src/random/random.js';
import { fakeRun } from './fake-run.js';

/**
 * A run of `n` successful requests over `durationMs` whose latencies are `scale` × (20 ms + an
 * exponential tail with mean 10 ms), drawn from a seeded PRNG: same seed, same run.
 */
export function noisyRun(
  seed: number,
  scale = 1,
  { n = 3000, durationMs = 30_000, errors = 0 } = {},
) {
  const random = createRandom(seed);
  return fakeRun(
    Array.from({ length: n }, (_, i) => ({
      latencyMs: scale * (20 - 10 * Math.log(1 - random())),
      ...(i < errors ? { status: 500 } : {}),
    })),
    { durationMs },
  );
}
