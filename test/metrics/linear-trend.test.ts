import { describe, expect, test } from 'vitest';
import { afterWarmup, linearTrend, tCritical95 } from '../../src/metrics/linear-trend.js';
import { pointsOf } from '../../src/metrics/series.js';
import { memorySeries } from './synthetic-series.js';

const HOUR = 3_600_000;
const MB = 1e6;

describe('linearTrend', () => {
  test('matches a textbook regression (values checked with scipy.stats.linregress)', () => {
    const trend = linearTrend([1, 3, 2, 5, 4].map((value, i) => ({ tMs: i * HOUR, value })));
    expect(trend.n).toBe(5);
    expect(trend.effectiveN).toBe(5); // residuals alternate in sign: no positive autocorrelation
    expect(trend.slopePerHour).toBeCloseTo(0.8, 10);
    expect(trend.startValue).toBeCloseTo(1.4, 10);
    expect(trend.standardErrorPerHour).toBeCloseTo(0.34641, 5);
    // scipy: 0.8 ± t(0.975, 3) · 0.34641 = [-0.3024, 1.9024]
    expect(trend.ci95[0]).toBeCloseTo(-0.3024, 3);
    expect(trend.ci95[1]).toBeCloseTo(1.9024, 3);
    expect([trend.fromMs, trend.toMs]).toEqual([0, 4 * HOUR]);
  });

  test('a perfect line has a zero-width interval', () => {
    const trend = linearTrend([0, 1, 2, 3].map((i) => ({ tMs: i * 1000, value: 100 + i * 10 })));
    expect(trend.slopePerHour).toBeCloseTo(36_000, 6);
    expect(trend.standardErrorPerHour).toBeCloseTo(0, 6);
  });

  test('recovers a noisy leak of 100 MB/h, and finds none in a flat series', () => {
    const leak = linearTrend(
      pointsOf(
        memorySeries({ n: 120, slopeMBPerHour: 100, noiseMB: 1, sawtoothMB: 2 }),
        'process_resident_memory_bytes',
      ).points,
    );
    expect(leak.ci95[0] / MB).toBeLessThan(100);
    expect(leak.ci95[1] / MB).toBeGreaterThan(100);
    expect(leak.ci95[0] / MB).toBeGreaterThan(50);

    const flat = linearTrend(
      pointsOf(
        memorySeries({ n: 120, slopeMBPerHour: 0, noiseMB: 1, sawtoothMB: 2 }),
        'process_resident_memory_bytes',
      ).points,
    );
    expect(flat.ci95[0]).toBeLessThan(0);
    expect(flat.ci95[1]).toBeGreaterThan(0);
  });

  test('autocorrelated residuals count as fewer samples and widen the interval', () => {
    const iid = linearTrend(
      pointsOf(
        memorySeries({ n: 120, slopeMBPerHour: 0, noiseMB: 1, seed: 7 }),
        'process_resident_memory_bytes',
      ).points,
    );
    expect(iid.effectiveN).toBeGreaterThan(0.7 * iid.n);
    // A GC sawtooth (20 samples per tooth) makes neighbours alike.
    const saw = linearTrend(
      pointsOf(
        memorySeries({ n: 120, slopeMBPerHour: 0, sawtoothMB: 4, seed: 7 }),
        'process_resident_memory_bytes',
      ).points,
    );
    expect(saw.effectiveN).toBeLessThan(0.2 * saw.n);
    const width = (t: typeof saw) => t.ci95[1] - t.ci95[0];
    const plainHalfWidth =
      tCritical95(saw.n - 2) *
      Math.sqrt((saw.standardErrorPerHour ** 2 * (saw.effectiveN - 2)) / (saw.n - 2));
    expect(width(saw) / 2).toBeGreaterThan(2 * plainHalfWidth);
    // So few independent samples that no interval can be given.
    const wave = linearTrend(
      Array.from({ length: 60 }, (_, i) => ({
        tMs: i * 1000,
        value: Math.sin((2 * Math.PI * i) / 60),
      })),
    );
    expect(wave.effectiveN).toBeLessThan(3);
    expect(wave.ci95).toEqual([-Infinity, Infinity]);
  });

  test('needs 3 points at 2 or more times', () => {
    expect(() =>
      linearTrend([
        { tMs: 0, value: 1 },
        { tMs: 1, value: 2 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_METRICS',
        message: 'a trend needs at least 3 points, got 2',
      }),
    );
    expect(() => linearTrend([1, 2, 3].map((value) => ({ tMs: 5, value })))).toThrow(
      /two or more different times/,
    );
  });
});

describe('tCritical95', () => {
  test('agrees with scipy.stats.t.ppf(0.975, df) to 0.001', () => {
    const scipy: [number, number][] = [
      [1, 12.7062],
      [3, 3.1824],
      [10, 2.2281],
      [30, 2.0423],
      [35, 2.0301],
      [50, 2.0086],
      [80, 1.9901],
      [200, 1.9719],
      [1000, 1.9623],
    ];
    for (const [df, t] of scipy)
      expect(Math.abs(tCritical95(df) - t), `df=${df}`).toBeLessThan(0.001);
    expect(tCritical95(1e9)).toBeCloseTo(1.96, 3);
  });
});

describe('afterWarmup', () => {
  const points = Array.from({ length: 11 }, (_, i) => ({ tMs: 5000 + i * 1000, value: i }));

  test('skips a time from the first point, or a fraction of the span', () => {
    expect(afterWarmup(points, { warmupMs: 3000 })).toMatchObject({
      warmupMs: 3000,
      points: points.slice(3),
    });
    expect(afterWarmup(points, { warmupFraction: 0.5 })).toMatchObject({
      warmupMs: 5000,
      points: points.slice(5),
    });
    expect(afterWarmup(points).points).toHaveLength(11);
    expect(afterWarmup(points, { warmupMs: 1000, warmupFraction: 0.5 }).warmupMs).toBe(1000);
    expect(afterWarmup([], { warmupFraction: 0.5 })).toEqual({ points: [], warmupMs: 0 });
  });

  test('rejects bad warm-ups', () => {
    expect(() => afterWarmup(points, { warmupMs: -1 })).toThrow(/invalid option "warmupMs"/);
    expect(() => afterWarmup(points, { warmupFraction: 1 })).toThrow(
      /invalid option "warmupFraction"/,
    );
  });
});
