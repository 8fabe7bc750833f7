import { describe, expect, test } from 'vitest';
import { mergeRun } from '../../src/merge/merge-run.js';
import { rejudge } from '../../src/merge/rejudge.js';
import { labelSplitRun } from '../../src/split/subjects.js';
import { decodeHistogram, summarizeLatency } from '../../src/histogram/latency-histogram.js';
import type { RunMeta, SlaVerdict } from '../../src/contracts/meta.js';
import type { JourneySummary, RunSummary } from '../../src/contracts/run-result.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';
import { provisionalVerdict } from '../helpers/verdicts.js';

// A split journey run: each split's steps and journeys merge as its scenarios do (histograms
// added exactly, counts summed by name), and step / journey verdicts are re-judged on the merge.

const ok = (n: number, from: number): FakeRequest[] =>
  Array.from({ length: n }, (_, i) => ({ latencyMs: from + i }));

function summaryOf(requests: FakeRequest[]): RunSummary {
  const run = fakeRun(requests, { users: 2, durationMs: 4000 });
  const { latency, requests: counts, errorRate, throughput, statusCodes, errors } = run;
  const { durationMs, users, histogram } = run;
  return {
    latency,
    requests: counts,
    errorRate,
    throughput,
    statusCodes,
    errors,
    durationMs,
    users,
    histogram,
  };
}

function journey(requests: FakeRequest[], counts: Partial<JourneySummary>): JourneySummary {
  return {
    ...summaryOf(requests),
    started: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    notStarted: 0,
    dropped: 0,
    failedAt: {},
    skippedSteps: {},
    ...counts,
  };
}

function splitMeta(index: number, steps: FakeRequest[], journeys: FakeRequest[], failed: number) {
  const result = fakeRun(steps, { users: 2, durationMs: 4000 });
  result.split = { index, count: 2, startAt: 0, lateStartMs: 0, warnings: [] };
  result.steps = {
    fetch: {
      ...summaryOf(steps),
      skipped: failed,
      checkFailures: [
        { message: 'check failed: stale', count: index },
        { message: "capture 'id' found nothing", count: 1 },
      ],
    },
    constructor: { ...summaryOf(ok(3, 1)), skipped: 0 },
  };
  result.journeys = {
    checkout: journey(journeys, {
      started: journeys.length + failed,
      completed: journeys.length,
      failed,
      dropped: index,
      failedAt: { create: failed, ['__proto__']: 1 },
      skippedSteps: { fetch: failed },
    }),
  };
  return { result, meta: toRunMeta(result) as RunMeta };
}

const [a, b] = [ok(200, 1), ok(100, 300)];
const [ja, jb] = [ok(50, 10), ok(40, 600)];
const one = splitMeta(1, a, ja, 3);
const two = splitMeta(2, b, jb, 5);
const merged = mergeRun([
  { split: 1, run: one.meta },
  { split: 2, run: two.meta },
]);

describe('mergeRun on journey runs', () => {
  test('steps: histograms added exactly, counts, skipped sends and check failures summed', () => {
    const pooled = fakeRun([...a, ...b], { users: 4, durationMs: 4000 });
    const fetch = merged.steps!.fetch;
    expect(fetch.latency).toEqual(summarizeLatency(decodeHistogram(pooled.histogram)));
    expect(fetch.requests).toEqual(pooled.requests);
    expect(fetch.skipped).toBe(8);
    expect(fetch.checkFailures).toEqual([
      { message: 'check failed: stale', count: 3 },
      { message: "capture 'id' found nothing", count: 2 },
    ]);
    // A step no split recorded check failures for (a result of an older version) has none.
    expect(merged.steps!['constructor'].checkFailures).toBeUndefined();
    expect(merged.steps!['constructor'].requests.total).toBe(6);
    expect(Object.keys(merged.steps!)).toEqual(['fetch', 'constructor']);
  });

  test('journeys: iteration counts and failed-at / skipped steps summed, durations added', () => {
    const pooled = fakeRun([...ja, ...jb], { users: 4, durationMs: 4000 });
    expect(merged.journeys!.checkout).toMatchObject({
      started: 98,
      completed: 90,
      failed: 8,
      cancelled: 0,
      notStarted: 0,
      dropped: 3,
      skippedSteps: { fetch: 8 },
    });
    expect(merged.journeys!.checkout.failedAt.create).toBe(8);
    expect(merged.journeys!.checkout.latency.p95).toBe(pooled.latency.p95);
    // A step named like a prototype key is counted as a step, not set as a prototype.
    expect(
      Object.getOwnPropertyDescriptor(merged.journeys!.checkout.failedAt, '__proto__')?.value,
    ).toBe(2);
  });

  test('a run without journeys merges without steps or journeys sections', () => {
    const plain = toRunMeta(fakeRun(ok(10, 1))) as RunMeta;
    const m = mergeRun([
      { split: 1, run: plain },
      { split: 2, run: plain },
    ]);
    expect('steps' in m || 'journeys' in m).toBe(false);
  });
});

describe('step and journey verdicts of a split run', () => {
  test('are provisional, name the step or journey, and are re-judged on the merged run', ({
    task,
  }) => {
    labelSplitRun(one.result, 0);
    // Split 1 alone: its steps are all below 201 ms; the merged run's p95 is not.
    expect(one.result.steps!.fetch).toHaveP95Below(250);
    expect(one.result.journeys!.checkout).toHaveP95Below(250);
    const verdicts = task.meta.vitestStress!.verdicts as SlaVerdict[];
    expect(verdicts.map((v) => [v.provisional, v.judged])).toEqual([
      [true, { run: 0, kind: 'step', name: 'fetch' }],
      [true, { run: 0, kind: 'journey', name: 'checkout' }],
    ]);
    expect(verdicts.map((v) => v.pass)).toEqual([true, true]);
    const again = verdicts.map((v) => rejudge(v, [merged]));
    expect(again.map((v) => v.pass)).toEqual([false, false]);
    expect(again[0].observed).toBe(merged.steps!.fetch.latency.p95);
    expect(again[1].observed).toBe(merged.journeys!.checkout.latency.p95);
    task.meta.vitestStress!.verdicts = [];
  });

  test('a step the merged run lacks (or a prototype name) cannot be re-judged, and fails', () => {
    const verdict = (name: string) =>
      provisionalVerdict({ judged: { run: 0, kind: 'step', name } });
    expect(rejudge(verdict('missing'), [merged]).message).toBe(
      'toHaveP95Below: cannot re-judge on the merged run: run #1 has no step "missing"',
    );
    // Read back from a file, the run's parts are plain objects that inherit `toString`.
    const readBack = JSON.parse(JSON.stringify(merged)) as RunMeta;
    expect(rejudge(verdict('toString'), [readBack])).toMatchObject({
      pass: false,
      message: 'toHaveP95Below: cannot re-judge on the merged run: run #1 has no step "toString"',
    });
  });
});
