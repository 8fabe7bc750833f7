import { describe, expect, test } from 'vitest';
import {
  capacityCharts,
  distinctLevels,
  USL_CURVE_POINTS,
  uslAt,
  uslCurveX,
} from '../../../src/reporters/html/capacity-charts.js';
import { capacityResult } from '../../helpers/capacity-result.js';

describe('capacityCharts', () => {
  test('throughput per level among the curve points, x = level in users, the knee a band', () => {
    const [throughput] = capacityCharts('test-1-capacity-1', capacityResult());
    expect(throughput.id).toBe('test-1-capacity-1-throughput');
    expect(throughput.xUnit).toBe('users');
    for (const level of [10, 20, 30, 35, 36, 37, 40]) expect(throughput.x).toContain(level);
    expect(throughput.series.map((s) => s.label)).toEqual(['throughput', 'USL fit (R² 0.991)']);
    const measured = throughput.series[0];
    expect(measured.points).toBe(true);
    expect(measured.values.filter((v) => v !== null)).toEqual([100, 195, 270, 285, 287, 288, 290]);
    expect(measured.values[throughput.x.indexOf(36)]).toBe(287);
    // λN / (1 + σ(N−1) + κN(N−1)) at N = 10: 102 / (1 + 0.18 + 0.036).
    expect(throughput.series[1].values[0]).toBeCloseTo(102 / 1.216, 2);
    expect(throughput.bands).toHaveLength(1);
    const knee = throughput.bands[0];
    expect(knee).toMatchObject({ kind: 'knee', label: 'knee 30 users' });
    expect(knee.fromS).toBeLessThan(30);
    expect(knee.toS).toBeGreaterThan(30);
    expect(knee.toS - knee.fromS).toBeLessThan(1);
    expect(throughput.note).toContain('its predicted peak (50 users) lies outside the range');
  });

  test('the USL is a smooth curve from σ, κ, λ across the whole range of levels, no further', () => {
    const [throughput] = capacityCharts('c', capacityResult());
    const { x } = throughput;
    const usl = throughput.series[1].values;
    expect(x.length).toBeGreaterThanOrEqual(USL_CURVE_POINTS);
    expect(x[0]).toBe(10);
    expect(x.at(-1)).toBe(40);
    expect(x).toEqual([...x].sort((a, b) => a - b));
    // Between two levels the curve has points of its own, each on the fitted X(N).
    const between = x.filter((n) => n > 10 && n < 20);
    expect(between.length).toBeGreaterThan(30);
    for (const n of between) expect(usl[x.indexOf(n)]).toBeCloseTo(uslAt(capacityResult(), n)!, 2);
    expect(usl.every((v) => v !== null)).toBe(true);
  });

  test('the predicted peak is on the curve and marked when it lies inside the levels', () => {
    const fit = {
      lambda: 10.2,
      sigma: 0.02,
      kappa: 0.0008,
      peakUsers: 35,
      peakRps: 233.3,
      rSquared: 0.9,
    };
    const [throughput] = capacityCharts('c', capacityResult({ usl: fit }));
    expect(throughput.x).toContain(35);
    const peak = throughput.bands.find((b) => b.kind === 'peak');
    expect(peak).toMatchObject({ label: 'USL peak 35 users, 233 req/s' });
    expect(peak!.fromS).toBeLessThan(35);
    expect(peak!.toS).toBeGreaterThan(35);
    expect(throughput.note).toContain('its predicted peak marked');
    const outside = capacityCharts('c', capacityResult({ usl: { ...fit, peakUsers: 80 } }))[0];
    expect(outside.bands.map((b) => b.kind)).toEqual(['knee']);
    const plateau = capacityCharts('c', capacityResult({ usl: { ...fit, peakUsers: null } }))[0];
    expect(plateau.note).toContain('no peak (κ ≈ 0: a plateau)');
  });

  test('uslCurveX: the levels, evenly spaced points between them, the peak inside; [] for none', () => {
    const x = uslCurveX([10, 40], 25.1234);
    expect(x).toHaveLength(USL_CURVE_POINTS + 2);
    expect(x).toContain(25.123);
    expect(x[1] - x[0]).toBeCloseTo(30 / USL_CURVE_POINTS, 3);
    expect(uslCurveX([10, 40], 50)).toHaveLength(USL_CURVE_POINTS + 1);
    expect(uslCurveX([7], null)).toEqual([7]);
    expect(uslCurveX([], null)).toEqual([]);
  });

  test('p95 per level with its interval bounds and the SLA p95 limit as a threshold', () => {
    const p95 = capacityCharts('c', capacityResult())[1];
    expect(p95.id).toBe('c-p95');
    expect(p95.unit).toBe('ms');
    expect(p95.series.map((s) => s.label)).toEqual(['p95', 'p95 95% low', 'p95 95% high']);
    expect(p95.series[0].values).toEqual([105, 110, 180, 420, 470, 560, 900]);
    expect(p95.series[2].values[6]).toBe(945);
    expect(p95.thresholds).toEqual([{ value: 500, label: 'SLA p95 < 500 ms' }]);
  });

  test('no USL curve without a fit (the note says why); no knee band without a knee; none without levels', () => {
    const [throughput] = capacityCharts(
      'c',
      capacityResult({ usl: 'a USL fit needs at least 3 distinct levels, got 2', knee: null }),
    );
    expect(throughput.series).toHaveLength(1);
    expect(throughput.note).toContain(
      'No USL curve: a USL fit needs at least 3 distinct levels, got 2.',
    );
    expect(throughput.bands).toEqual([]);
    expect(uslAt(capacityResult({ usl: 'no fit' }), 10)).toBeNull();
    expect(capacityCharts('c', capacityResult({ levels: [] }))).toEqual([]);
  });

  test('a level run twice is shown once, by its last run', () => {
    const result = capacityResult();
    result.levels.push({ ...result.levels[0], throughputRps: 111 });
    expect(distinctLevels(result).map((l) => l.throughputRps)[0]).toBe(111);
    expect(distinctLevels(result)).toHaveLength(7);
  });
});
