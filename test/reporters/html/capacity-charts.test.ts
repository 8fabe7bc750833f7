import { describe, expect, test } from 'vitest';
import {
  capacityCharts,
  distinctLevels,
  uslAt,
} from '../../../src/reporters/html/capacity-charts.js';
import { capacityResult } from '../../helpers/capacity-result.js';

describe('capacityCharts', () => {
  test('throughput and USL per level, x = level in users, the knee a band', () => {
    const [throughput] = capacityCharts('test-1-capacity-1', capacityResult());
    expect(throughput.id).toBe('test-1-capacity-1-throughput');
    expect(throughput.xUnit).toBe('users');
    expect(throughput.x).toEqual([10, 20, 30, 35, 36, 37, 40]);
    expect(throughput.series.map((s) => s.label)).toEqual(['throughput', 'USL fit (R² 0.991)']);
    expect(throughput.series[0].values).toEqual([100, 195, 270, 285, 287, 288, 290]);
    // λN / (1 + σ(N−1) + κN(N−1)) at N = 10: 102 / (1 + 0.18 + 0.036).
    expect(throughput.series[1].values[0]).toBeCloseTo(102 / 1.216, 2);
    expect(throughput.bands).toHaveLength(1);
    const knee = throughput.bands[0];
    expect(knee).toMatchObject({ kind: 'knee', label: 'knee 30 users' });
    expect(knee.fromS).toBeLessThan(30);
    expect(knee.toS).toBeGreaterThan(30);
    expect(knee.toS - knee.fromS).toBeLessThan(1);
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
