import { afterEach, describe, expect, test, vi } from 'vitest';
import { noisySeries, recordOf } from '../history/history-fixtures.js';

// 30 runs of p95 around 100 ms (2% noise, seeded); `stepAt` on, the level is `after`.
function history(stepAt: number, after: number, runs = 30) {
  const levels = Array.from({ length: runs }, (_, i) => (i >= stepAt ? after : 100));
  return noisySeries(levels, 0.02, 7).map((p95, i) => recordOf(i, Math.round(p95 * 10) / 10));
}
const slower = history(20, 120); // +20% at run 21, lasted 10 runs
const flat = history(30, 100);
const justNow = history(29, 130); // +30% in the newest run only: not lasted yet
const faster = history(20, 80); // an improvement is a change point, not a regression

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('.toHaveNoChangePoint', () => {
  test('passes on a flat history and on an improvement', () => {
    expect(flat).toHaveNoChangePoint({ metric: 'p95' });
    expect(faster).toHaveNoChangePoint();
    expect({ records: flat, warnings: [] }).toHaveNoChangePoint({ test: 'suite > checkout' });
  });

  test('fails naming the run, commit, medians, means, size, magnitude and p-value', () => {
    let message = '';
    try {
      expect(slower).toHaveNoChangePoint({ metric: 'p95' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'expected no lasting change point in p95 of 1 series (30 runs; tolerance +10%, lasting 2 runs): fail\n' +
        '  "suite > checkout / run 1" regression: change point at run 21 of 30 ' +
        '(commit c020, 2026-01-01T20:00:00.000Z): median 100.2 → 119.5, ' +
        'mean 100.1 [99.3, 100.9] (n=20) → 120 [118.6, 121.3] (n=10), +19.9%, magnitude 0.199, p=1.52e-22',
    );
  });

  test('a change in the newest run only is inconclusive: passes unless inconclusive: "fail"', () => {
    expect(justNow).toHaveNoChangePoint();
    expect(() => expect(justNow).toHaveNoChangePoint({ inconclusive: 'fail' })).toThrow(
      new RegExp(
        ': inconclusive \\(1 change point\\(s\\) not lasted yet\\)\n' +
          ' {2}"suite > checkout / run 1" pending: change point at run 30 of 30',
      ),
    );
    vi.stubEnv('STRESS_INCONCLUSIVE', 'fail');
    expect(() => expect(justNow).toHaveNoChangePoint()).toThrow(/inconclusive/);
    expect(justNow).toHaveNoChangePoint({ quietRuns: 1, tolerance: 0.5 });
  });

  test('too few runs is inconclusive; the tolerance and quiet period are the options', () => {
    expect(slower.slice(0, 4)).toHaveNoChangePoint();
    expect(() => expect(slower.slice(0, 4)).toHaveNoChangePoint({ inconclusive: 'fail' })).toThrow(
      /: inconclusive \(too few runs to judge\)/,
    );
    expect(slower).toHaveNoChangePoint({ tolerance: 0.25 });
    expect(slower).toHaveNoChangePoint({ recentRuns: 5 });
  });

  test("judges only the runs of the newest run's machine and profile", () => {
    const otherProfile = slower.map((r, i) => (i >= 20 ? { ...r, profile: 'ci' } : r));
    expect(otherProfile).toHaveNoChangePoint();
  });

  test('refuses what is not a history, a bad metric and a filter that matches nothing', () => {
    expect(() => expect(42).toHaveNoChangePoint()).toThrow(
      'toHaveNoChangePoint: expected a history (readHistory()), received number 42',
    );
    expect(() => expect(flat).toHaveNoChangePoint({ metric: 'p90' as 'p95' })).toThrow(
      'toHaveNoChangePoint: metric must be p50 | p95 | p99 | errorRate | throughput, received the string "p90"',
    );
    expect(() => expect(flat).toHaveNoChangePoint({ test: 'nope' })).toThrow(
      'toHaveNoChangePoint: no p95 series of test "nope" in a history of 30 runs',
    );
    expect(() => expect(42).not.toHaveNoChangePoint()).toThrow(/expected a history/);
  });
});

describe('.not.toHaveNoChangePoint', () => {
  test('passes when a lasting change point exists, fails when none does', () => {
    expect(slower).not.toHaveNoChangePoint();
    expect(() => expect(flat).not.toHaveNoChangePoint()).toThrow(
      /^expected a lasting change point in p95 of 1 series \(30 runs; tolerance \+10%, lasting 2 runs\): fail$/,
    );
  });
});
