import { createRandom } from '../../src/random/random.js';
import type { MachineFingerprint } from '../../src/baseline/fingerprint.js';
import { HISTORY_SCHEMA, type HistoryRecord } from '../../src/history/history-record.js';

export const FINGERPRINT: MachineFingerprint = {
  cores: 2,
  cpuModel: 'Test CPU',
  nodeMajor: 20,
  platform: 'linux',
  arch: 'x64',
};

/** A stored run `i` whose one load has p95 `p95Ms` (p50 half of it, p99 1.5×). */
export function recordOf(
  i: number,
  p95Ms: number,
  over: Partial<HistoryRecord> = {},
): HistoryRecord {
  return {
    schema: HISTORY_SCHEMA,
    runId: `run-${String(i).padStart(3, '0')}`,
    commit: `c${String(i).padStart(3, '0')}`,
    branch: 'main',
    date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    fingerprint: FINGERPRINT,
    profile: 'smoke',
    points: [
      {
        test: 'suite > checkout',
        run: 'run 1',
        p50: p95Ms / 2,
        p95: p95Ms,
        p99: p95Ms * 1.5,
        errorRate: 0,
        throughput: 100,
        samples: 1000,
        requests: 1000,
        intervals: null,
      },
    ],
    ...over,
  };
}

/** Standard normal draws (Box–Muller) from a seeded PRNG. */
export function gaussian(seed: number): () => number {
  const random = createRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `levels[i]` × (1 + noise·N(0,1)) for each run, seeded. */
export function noisySeries(levels: number[], noise: number, seed: number): number[] {
  const draw = gaussian(seed);
  return levels.map((level) => level * (1 + noise * draw()));
}
