import { describe, expect, test } from 'vitest';
import { mergeRun } from '../../src/merge/merge-run.js';
import { decodeHistogram, summarizeLatency } from '../../src/histogram/latency-histogram.js';
import { rejudge } from '../../src/merge/rejudge.js';
import { labelSplitRun } from '../../src/split/subjects.js';
import { type RunMeta } from '../../src/contracts/meta.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';
import { provisionalVerdict as verdict } from '../helpers/verdicts.js';

const ok = (n: number, from: number): FakeRequest[] =>
  Array.from({ length: n }, (_, i) => ({ latencyMs: from + i }));

/** A split's run meta as the reporter would carry it, started `startMs` after the epoch. */
function splitMeta(requests: FakeRequest[], index: number, startMs: number): RunMeta {
  const result = fakeRun(requests, { users: 2, durationMs: 4000 });
  result.startedAt = new Date(startMs).toISOString();
  result.split = { index, count: 2, startAt: 0, lateStartMs: startMs, warnings: [] };
  return toRunMeta(result);
}

describe('mergeRun', () => {
  const a = ok(300, 1);
  const b: FakeRequest[] = [
    ...ok(100, 500),
    { latencyMs: 3, status: 503 },
    { latencyMs: 30, timeout: true },
  ];
  const [runA, runB] = [splitMeta(a, 1, 0), splitMeta(b, 2, 2000)];
  const merged = mergeRun([
    { split: 1, run: runA },
    { split: 2, run: runB },
  ]);
  const windowMs = Math.max(runA.durationMs, 2000 + runB.durationMs);

  test('adds histograms exactly: the same figures as one histogram of all requests', () => {
    const pooled = fakeRun([...a, ...b], { users: 4, durationMs: 4000 });
    // Through the encoded form, as every split's histogram travels (max becomes its bucket's top).
    expect(merged.latency).toEqual(summarizeLatency(decodeHistogram(pooled.histogram)));
    expect(merged.latency.p95).toBe(pooled.latency.p95);
    expect(merged.requests).toEqual(pooled.requests);
    expect(merged.statusCodes).toEqual({ '200': 400, '503': 1 });
    expect(merged.errors).toEqual(pooled.errors);
    expect(merged.users).toBe(4);
  });

  test('throughput over the window from the first start to the last end; timelines aligned on wall time', () => {
    expect(windowMs).toBeGreaterThan(6000);
    expect(merged.durationMs).toBe(windowMs);
    expect(merged.throughput).toBe(Math.round((402 / (windowMs / 1000)) * 100) / 100);
    const sentBySecond = merged.timeline.map((e) => [e.t, e.sent]);
    expect(sentBySecond.slice(0, 3)).toEqual([
      [0, 75],
      [1, 75],
      [2, 75 + 26],
    ]);
    expect(merged.merged).toEqual({
      count: 2,
      windowMs,
      splits: [
        { index: 1, startedAt: new Date(0).toISOString(), lateStartMs: 0, requests: 300 },
        { index: 2, startedAt: new Date(2000).toISOString(), lateStartMs: 2000, requests: 102 },
      ],
    });
  });
});

describe('rejudge', () => {
  const run = mergeRun([
    { split: 1, run: splitMeta(ok(100, 1), 1, 0) },
    { split: 2, run: splitMeta(ok(100, 101), 2, 0) },
  ]);

  test('judges the merged run with the recorded threshold, percentile and .not', () => {
    expect(rejudge(verdict({}), [run])).toMatchObject({
      pass: false,
      observed: 190.079,
      threshold: 150,
    });
    expect(rejudge(verdict({}), [run]).provisional).toBeUndefined();
    expect(rejudge(verdict({ negated: true }), [run])).toMatchObject({ pass: true, negated: true });
    expect(
      rejudge(verdict({ matcher: 'toHavePercentileBelow', percentile: 50, threshold: 101 }), [run]),
    ).toMatchObject({ pass: true, observed: 100.031 });
  });

  test('a verdict that cannot be re-judged fails, saying why', () => {
    expect(rejudge(verdict({ matcher: 'toRecoverWithin' }), [run])).toMatchObject({
      pass: false,
      message:
        "toRecoverWithin: cannot re-judge on the merged run: toRecoverWithin is not a threshold over a run's figures",
    });
    expect(
      rejudge(verdict({ judged: { run: 0, kind: 'phase', name: 'peak' } }), [run]).message,
    ).toBe('toHaveP95Below: cannot re-judge on the merged run: run #1 has no phase "peak"');
    expect(rejudge(verdict({ judged: undefined }), [run]).pass).toBe(false);
  });
});

describe('a threshold on a split run', () => {
  test('is recorded as provisional and does not fail the test', ({ task }) => {
    const result = fakeRun([{ latencyMs: 5, status: 500 }, { latencyMs: 5 }]);
    labelSplitRun(result, 0);
    expect(result).toHaveErrorRateBelow(0.01);
    expect(result.phases).toEqual({});
    expect(task.meta.vitestStress?.verdicts).toEqual([
      expect.objectContaining({
        matcher: 'toHaveErrorRateBelow',
        pass: false,
        provisional: true,
        judged: { run: 0, kind: 'run' },
      }),
    ]);
    task.meta.vitestStress!.verdicts = [];
  });

  test('bad input still fails on a split run', () => {
    const result = fakeRun([{ latencyMs: 5 }]);
    labelSplitRun(result, 0);
    expect(() => expect(result).toHaveErrorRateBelow(2)).toThrow(
      'toHaveErrorRateBelow: threshold must be a fraction in (0, 1]',
    );
  });
});
