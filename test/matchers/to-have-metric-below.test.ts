import { describe, expect, test } from 'vitest';
import { withMetrics } from '../../src/metrics/with-metrics.js';
import { linearRun } from '../helpers/fake-run.js';
import { series } from '../metrics/synthetic-series.js';

const rss = (mb: number[]) =>
  series(
    mb.map((m, i) => ({ tMs: i * 1000, metrics: { process_resident_memory_bytes: m * 1e6 } })),
  );
const run = withMetrics(linearRun(10), rss([300, 420, 380, 410]));

describe('.toHaveMetricBelow', () => {
  test('passes when the highest sample is below the value', () => {
    expect(run).toHaveMetricBelow('process_resident_memory_bytes', 500e6);
  });

  test('fails on the highest sample, not the last, with when it happened', () => {
    expect(() => expect(run).toHaveMetricBelow('process_resident_memory_bytes', 415e6)).toThrow(
      'expected max process_resident_memory_bytes below 415000000 (415 MB), got 420000000 ' +
        '(420 MB) at 1 s (n=4 samples)',
    );
  });

  test('fails at exactly the value: below means strictly below', () => {
    expect(() => expect(run).toHaveMetricBelow('process_resident_memory_bytes', 420e6)).toThrow(
      /got 420000000/,
    );
  });

  test('a bare name covers its labelled series and says which one peaked', () => {
    const labelled = series([
      { tMs: 0, metrics: { 'queue_depth{queue="audit"}': 3, 'queue_depth{queue="ai"}': 1 } },
      { tMs: 1000, metrics: { 'queue_depth{queue="audit"}': 2, 'queue_depth{queue="ai"}': 9 } },
    ]);
    expect(() => expect(labelled).toHaveMetricBelow('queue_depth', 5)).toThrow(
      'expected max queue_depth below 5, got 9 in queue_depth{queue="ai"} at 1 s (n=2 samples)',
    );
    expect(labelled).toHaveMetricBelow('queue_depth{queue="audit"}', 5);
  });

  test('mentions failed scrapes', () => {
    const gappy = series(rss([1, 2]).samples, {
      scrapes: { ok: 2, failed: 1 },
      errors: [{ tMs: 2000, untilMs: 2000, scrapes: 1, error: 'HTTP 503' }],
    });
    expect(() => expect(gappy).toHaveMetricBelow('process_resident_memory_bytes', 1e6)).toThrow(
      'expected max process_resident_memory_bytes below 1000000 (1 MB), got 2000000 (2 MB) ' +
        'at 1 s (n=2 samples; 1 scrape failed, first: HTTP 503)',
    );
  });

  test('a missing metric fails listing the names seen', () => {
    expect(() => expect(run).toHaveMetricBelow('process_resident_memory', 1)).toThrow(
      'expected max process_resident_memory below 1, but no sample has ' +
        'process_resident_memory; seen: process_resident_memory_bytes',
    );
  });

  test('zero samples never pass', () => {
    expect(() =>
      expect(series([])).toHaveMetricBelow('process_resident_memory_bytes', 500e6),
    ).toThrow(
      'expected max process_resident_memory_bytes below 500000000 (500 MB), but the metrics ' +
        'series from http://127.0.0.1:9464/metrics has no samples',
    );
  });

  test('a value that is not a result, or a run without metrics, fails saying so', () => {
    expect(() => expect('rss').toHaveMetricBelow('x', 1)).toThrow(
      /^toHaveMetricBelow: expected a vitest-stress run result with server metrics .* received the string "rss"$/,
    );
    expect(() => expect(linearRun(3)).toHaveMetricBelow('x', 1)).toThrow(
      'toHaveMetricBelow: the run result has no metrics section',
    );
  });

  test('bad arguments fail the match', () => {
    expect(() => expect(run).toHaveMetricBelow(500e6 as unknown as string, 1)).toThrow(
      'toHaveMetricBelow: name must be a metric name such as ' +
        "'process_resident_memory_bytes', received number 500000000",
    );
    expect(() =>
      expect(run).toHaveMetricBelow('process_resident_memory_bytes', '500MB' as unknown as number),
    ).toThrow('toHaveMetricBelow: threshold must be a finite number, received the string "500MB"');
  });

  test('records its verdict in the test meta', ({ task }) => {
    expect(run).toHaveMetricBelow('process_resident_memory_bytes', 500e6);
    expect(task.meta.vitestStress?.verdicts).toEqual([
      expect.objectContaining({
        matcher: 'toHaveMetricBelow',
        metric: 'process_resident_memory_bytes',
        unit: 'bytes',
        threshold: 500e6,
        observed: 420e6,
        pass: true,
        negated: false,
      }),
    ]);
  });
});

describe('.not.toHaveMetricBelow', () => {
  test('passes when the highest sample is at or above the value', () => {
    expect(run).not.toHaveMetricBelow('process_resident_memory_bytes', 400e6);
  });

  test('fails when every sample is below the value', () => {
    expect(() => expect(run).not.toHaveMetricBelow('process_resident_memory_bytes', 500e6)).toThrow(
      'expected max process_resident_memory_bytes not below 500000000 (500 MB), got ' +
        '420000000 (420 MB) at 1 s (n=4 samples)',
    );
  });

  test('zero samples, a missing metric and bad input fail with .not too', ({ task }) => {
    expect(() =>
      expect(series([])).not.toHaveMetricBelow('process_resident_memory_bytes', 1),
    ).toThrow(/has no samples/);
    expect(() => expect(run).not.toHaveMetricBelow('nope', 1)).toThrow(/no sample has nope/);
    expect(() => expect(null).not.toHaveMetricBelow('x', 1)).toThrow(/received null/);
    expect((task.meta.vitestStress?.verdicts ?? []).map((v) => [v.pass, v.observed])).toEqual([
      [false, null],
      [false, null],
      [false, null],
    ]);
  });
});
