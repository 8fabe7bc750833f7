import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { eDivisive } from '../../src/history/e-divisive.js';
import { mergeChangePoints, splitSeries } from '../../src/history/hunter-split.js';
import { qhatValues } from '../../src/history/qhat.js';
import { permutationSignificance } from '../../src/history/significance.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

/** Hunter's compute_change_points: split at 10 × maxPValue, then merge at maxPValue. */
function hunter(series: number[], { windowLength = 50, maxPValue = 0.001, minMagnitude = 0 } = {}) {
  return mergeChangePoints(
    series,
    splitSeries(series, windowLength, maxPValue * 10),
    maxPValue,
    minMagnitude,
  ).map((c) => c.index);
}

/** MongoDB's e_divisive(series, pvalue=0.01, permutations=100) with our seeded permutations. */
const mongodb = (series: number[], seed = 1234) =>
  eDivisive(series, permutationSignificance(0.01, 100, seed));

const repeat = (value: number, n: number) => Array.from({ length: n }, () => value);

describe('datastax-labs/hunter test cases', () => {
  const cases = fixture('hunter/cases.json') as Record<
    string,
    { series: number[]; options: object; expected: number[] }
  >;
  test.each(Object.entries(cases))('%s', (_name, { series, options, expected }) => {
    expect(hunter(series, options)).toEqual(expected);
  });

  test('analysis_test.test_significance_tester: p ≈ 1 for a flat series, < 0.001 for a 20% drop', async () => {
    const { tTestPValue } = await import('../../src/history/segment-stats.js');
    const flat = [1.0, 1.02, 1.05, 0.95, 0.98, 1.0, 1.02, 1.05, 0.95, 0.98];
    expect(tTestPValue(flat.slice(0, 5), flat.slice(5))).toBeCloseTo(1, 2);
    const drop = [1.0, 1.02, 1.05, 0.95, 0.98, 0.8, 0.82, 0.85, 0.79, 0.77];
    const p = tTestPValue(drop.slice(0, 5), drop.slice(5));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.001);
  });
});

describe('mongodb/signal-processing-algorithms q̂ values (test_algorithm_continuity.py)', () => {
  test('the 12-point series: expected_proper_division', () => {
    const expected = [
      0, 1.03333333, 2.2962963, 3.875, 5.9047619, 4.33333333, 3.6, 3.41666667, 3.80952381, 5.25,
      3.11111111, 1.4,
    ];
    const q = Array.from(qhatValues([1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3]));
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  test('robust_series.json: expected_result_robust_series_proper_division.json', () => {
    const series = fixture('mongodb/robust_series.json') as number[];
    const expected = fixture(
      'mongodb/expected_result_robust_series_proper_division.json',
    ) as number[];
    const q = Array.from(qhatValues(series));
    expect(q).toHaveLength(expected.length);
    // np.isclose: |a − b| <= 1e-8 + 1e-5·|b|
    q.forEach((v, i) =>
      expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-8 + 1e-5 * Math.abs(expected[i])),
    );
  });
});

describe('mongodb/signal-processing-algorithms detection cases (test_detection.py)', () => {
  const steps = (...parts: Array<[number, number]>) => parts.flatMap(([v, n]) => repeat(v, n));
  const withAt = (series: number[], at: Record<number, number>) => series.map((v, i) => at[i] ?? v);

  test.each([
    ['simple regression', steps([50, 15], [100, 15]), [[15, null]]],
    ['finds ahead', steps([50, 14], [74, 1], [100, 15]), [[15, null]]],
    ['finds behind', steps([50, 14], [76, 1], [100, 15]), [[14, null]]],
    [
      'simple regression 2',
      withAt(steps([50, 15], [100, 15]), { 2: 100 }),
      [[15, 649.9999999999999]],
    ],
    [
      'regression and recovery',
      withAt(steps([50, 15], [100, 15], [50, 15]), { 2: 100, 32: 100 }),
      [
        [15, 544.7415329768271],
        [33, 226.66666666666674],
      ],
    ],
    [
      'two regressions',
      withAt(steps([50, 15], [100, 15], [150, 15]), { 2: 100 }),
      [
        [15, 649.9999999999999],
        [30, 1209.1954022988505],
      ],
    ],
    ['no regressions', repeat(50, 30), []],
  ] as Array<[string, number[], Array<[number, number | null]>]>)(
    '%s',
    (_name, series, expected) => {
      // Their _test_helper sorts the points by index.
      const found = mongodb(series).sort((a, b) => a.index - b.index);
      expect(found.map((c) => c.index)).toEqual(expected.map(([index]) => index));
      expected.forEach(
        ([, qhat], i) => qhat !== null && expect(found[i].qhat).toBeCloseTo(qhat, 9),
      );
    },
  );

  test('random-ish data: [40, 20] in that order, with their q̂', () => {
    const series = [
      41, 18, 23, 3, 32, 11, 40, 13, 29, 48, 47, 35, 18, 21, 6, 2, 23, 3, 4, 7, 120, 103, 102, 81,
      71, 62, 115, 61, 108, 63, 70, 98, 65, 96, 64, 74, 70, 113, 90, 114, 208, 196, 153, 150, 225,
      179, 206, 165, 177, 151, 218, 217, 244, 245, 229, 195, 225, 229, 176, 250,
    ];
    const found = mongodb(series);
    expect(found.map((c) => c.index)).toEqual([40, 20]);
    expect(found[0].qhat).toBeCloseTo(2848.1169590643276, 9);
    expect(found[1].qhat).toBeCloseTo(893.578947368421, 9);
  });

  test.each([
    ['profiling-short.json', 0],
    ['profiling-small.json', 9],
    ['profiling-medium.json', 14],
  ])('TestComputeChangePoints %s: the expected number of change points', (file, _count) => {
    const { series, expected } = fixture(`mongodb/${file}`) as {
      series: number[];
      expected: number;
    };
    expect(mongodb(series)).toHaveLength(expected);
  });

  test('long_series.json: 4 change points', () => {
    expect(mongodb(fixture('mongodb/long_series.json') as number[])).toHaveLength(4);
  });
});
