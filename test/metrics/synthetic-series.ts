import { createRandom } from '../../src/random/random.js';
import type { MetricsSeries } from '../../src/contracts/metrics-series.js';

/** A seeded PRNG (the project's mulberry32): the same noise on every run. */
export const seeded = (seed: number): (() => number) => createRandom(seed);

export interface SyntheticMemory {
  /** Samples, one per intervalMs from tMs = 0. */
  n: number;
  intervalMs?: number;
  startMB?: number;
  slopeMBPerHour: number;
  /** Standard deviation of Gaussian noise, MB. */
  noiseMB?: number;
  /** Amplitude of a garbage-collection sawtooth, MB (period 20 samples). */
  sawtoothMB?: number;
  seed?: number;
  /** Extra metrics for every sample. */
  extra?: (i: number) => Record<string, number>;
}

/** A metrics series of resident memory (MB = 10^6 bytes) following a line plus noise. */
export function memorySeries(spec: SyntheticMemory): MetricsSeries {
  const {
    n,
    intervalMs = 1000,
    startMB = 80,
    slopeMBPerHour,
    noiseMB = 0,
    sawtoothMB = 0,
    seed = 1,
  } = spec;
  const random = seeded(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const samples = Array.from({ length: n }, (_, i) => {
    const tMs = i * intervalMs;
    const mb =
      startMB +
      (slopeMBPerHour * tMs) / 3_600_000 +
      noiseMB * gauss() +
      sawtoothMB * ((i % 20) / 20 - 0.5);
    return {
      tMs,
      metrics: { process_resident_memory_bytes: Math.round(mb * 1e6), ...spec.extra?.(i) },
    };
  });
  return series(samples);
}

/** A series with the given samples and no failed scrapes. */
export function series(
  samples: MetricsSeries['samples'],
  overrides: Partial<MetricsSeries> = {},
): MetricsSeries {
  return {
    kind: 'vitest-stress/metrics',
    source: 'http://127.0.0.1:9464/metrics',
    startedAt: new Date(0).toISOString(),
    intervalMs: 1000,
    names: ['process_resident_memory_bytes'],
    samples,
    errors: [],
    scrapes: { ok: samples.length, failed: 0 },
    thinned: 0,
    ...overrides,
  };
}
