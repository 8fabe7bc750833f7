import { describe, expect, test } from 'vitest';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun } from '../helpers/fake-run.js';

describe('toRunMeta', () => {
  const requests = Array.from({ length: 300 }, (_, i) => ({ latencyMs: 5 + (i % 20) }));

  test('a run of one process leaves the ledger and its seconds’ histograms out of the reports', () => {
    const meta = toRunMeta(fakeRun(requests, { durationMs: 3000 }));
    expect(Object.keys(meta)).not.toContain('secondHistograms');
    expect(Object.keys(meta)).not.toContain('ledger');
    expect(meta.scenarios.default).not.toHaveProperty('histogram');
  });

  test('a split run keeps its seconds’ histograms (one per timeline second) for the merge', () => {
    const result = fakeRun(requests, { durationMs: 3000 });
    result.split = { index: 1, count: 2, startAt: 0, lateStartMs: 0, warnings: [] };
    const meta = toRunMeta(result);
    expect(meta.secondHistograms).toEqual(result.secondHistograms);
    expect(meta.secondHistograms).toHaveLength(meta.timeline.length);
    expect(meta.scenarios.default.histogram).toBe(result.scenarios.default.histogram);
    expect(Object.keys(meta)).not.toContain('ledger');
  });
});
