import { describe, expect, test } from 'vitest';
import { withMetrics } from '../../src/metrics/with-metrics.js';
import { linearRun } from '../helpers/fake-run.js';
import { memorySeries, series } from '../metrics/synthetic-series.js';

// Two minutes at 1 s with Gaussian noise (σ 1 MB) and a GC sawtooth (±1 MB), seeded.
const leaking = memorySeries({ n: 120, slopeMBPerHour: 100, noiseMB: 1, sawtoothMB: 2 });
const flat = memorySeries({ n: 120, slopeMBPerHour: 0, noiseMB: 1, sawtoothMB: 2 });

describe('.toHaveStableMemory', () => {
  test('a flat noisy series passes', () => {
    expect(flat).toHaveStableMemory({ maxGrowthMBPerHour: 50 });
  });

  test('a leak of 100 MB/h fails a 50 MB/h limit with slope, interval and sample count', () => {
    expect(() => expect(leaking).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'expected resident memory growth below 50 MB/h, got 103.5 MB/h (95% CI 69.5–137.5, ' +
        'n=108 samples (effective 64) after 11.9 s warm-up)',
    );
  });

  test('judges the metrics section of a run result, after a warm-up given as a duration', () => {
    const run = withMetrics(linearRun(10), leaking);
    expect(() => expect(run).toHaveStableMemory({ maxGrowthMBPerHour: 50, warmup: '10s' })).toThrow(
      'expected resident memory growth below 50 MB/h, got 103.8 MB/h (95% CI 71.1–136.5, ' +
        'n=110 samples (effective 65) after 10 s warm-up)',
    );
    expect(run).toHaveStableMemory({ maxGrowthMBPerHour: 200, warmupFraction: 0.5 });
  });

  test('the warm-up is skipped: a fast start then a plateau passes', () => {
    const warming = memorySeries({ n: 60, slopeMBPerHour: 0, noiseMB: 0.5 });
    warming.samples
      .slice(0, 10)
      .forEach((s, i) => (s.metrics.process_resident_memory_bytes -= (10 - i) * 5e6));
    expect(warming).toHaveStableMemory({ maxGrowthMBPerHour: 50, warmup: 10_000 });
    expect(() => expect(warming).toHaveStableMemory({ maxGrowthMBPerHour: 50, warmup: 0 })).toThrow(
      /got \d+(\.\d)? MB\/h/,
    );
  });

  test('another byte metric can be judged', () => {
    const heap = memorySeries({
      n: 30,
      slopeMBPerHour: 0,
      extra: (i) => ({ nodejs_heap_size_used_bytes: 20e6 + i * 1e5 }),
    });
    expect(() =>
      expect(heap).toHaveStableMemory({
        maxGrowthMBPerHour: 50,
        metric: 'nodejs_heap_size_used_bytes',
      }),
    ).toThrow(
      new RegExp(
        String.raw`^expected nodejs_heap_size_used_bytes growth below 50 MB\/h, got 360 MB\/h ` +
          String.raw`\(95% CI 360–360, n=27 samples after 2.9 s warm-up\)$`,
      ),
    );
  });

  test('too few samples after warm-up never pass, and say so', () => {
    const short = memorySeries({ n: 6, slopeMBPerHour: 0 });
    expect(() =>
      expect(short).toHaveStableMemory({ maxGrowthMBPerHour: 50, warmup: '2s' }),
    ).toThrow(
      'expected resident memory growth below 50 MB/h, but only 4 samples of ' +
        'process_resident_memory_bytes after 2 s warm-up (at least 5 needed; 6 in all)',
    );
    expect(short).toHaveStableMemory({ maxGrowthMBPerHour: 50, warmup: '2s', minSamples: 4 });
  });

  test('samples too autocorrelated to give an interval never pass, and say so', () => {
    // One slow wave: 54 samples after warm-up, but worth fewer than 3 independent ones.
    const wave = series(
      Array.from({ length: 60 }, (_, i) => ({
        tMs: i * 1000,
        metrics: {
          process_resident_memory_bytes: (100 + 20 * Math.sin((2 * Math.PI * i) / 60)) * 1e6,
        },
      })),
    );
    expect(() => expect(wave).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'expected resident memory growth below 50 MB/h, but the 54 samples after 5.9 s warm-up ' +
        'move together too much to tell a trend (worth 2.57 independent ones, at least 3 ' +
        'needed; slope -2900 MB/h): run longer',
    );
    expect(() => expect(wave).not.toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      /move together too much/,
    );
  });

  test('no samples at all fails, naming the failed scrapes', () => {
    const down = series([], {
      scrapes: { ok: 0, failed: 30 },
      errors: [
        { tMs: 0, untilMs: 29_000, scrapes: 30, error: 'connect ECONNREFUSED 127.0.0.1:9464' },
      ],
    });
    expect(() => expect(down).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'expected resident memory growth below 50 MB/h, but the metrics series from ' +
        'http://127.0.0.1:9464/metrics has no samples (30 scrapes failed, first: connect ' +
        'ECONNREFUSED 127.0.0.1:9464)',
    );
  });

  test('a missing metric fails listing the names seen', () => {
    const other = series([
      { tMs: 0, metrics: { audit_queue_depth: 1, 'sum(http_requests_total)': 5 } },
    ]);
    expect(() => expect(other).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'expected resident memory growth below 50 MB/h, but no sample has ' +
        'process_resident_memory_bytes; seen: audit_queue_depth, sum(http_requests_total) ' +
        "(sample it with names: ['process_resident_memory_bytes'])",
    );
  });

  test('a value that is not a result or a series fails saying what was received', () => {
    expect(() => expect({ rss: 1 }).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'toHaveStableMemory: expected a vitest-stress run result with server metrics (from ' +
        'loadWithMetrics() or withMetrics()) or a metrics series (from sampleMetrics()), ' +
        'received an object with keys rss',
    );
    expect(() => expect(linearRun(3)).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'toHaveStableMemory: the run result has no metrics section: use loadWithMetrics(), or ' +
        'withMetrics(result, await sampler.stop())',
    );
  });

  test('bad options fail the match', () => {
    const bad = (options: unknown) => () => expect(flat).toHaveStableMemory(options as never);
    expect(bad(50)).toThrow(
      'toHaveStableMemory: options must be an object such as { maxGrowthMBPerHour: 50 }, received number 50',
    );
    expect(bad({})).toThrow(
      'toHaveStableMemory: maxGrowthMBPerHour must be a number of MB per hour > 0, received undefined',
    );
    expect(bad({ maxGrowthMBPerHour: 50, warmUp: '10s' })).toThrow(
      'toHaveStableMemory: unknown option "warmUp"; the options are maxGrowthMBPerHour, ' +
        'warmup, warmupFraction, metric, minSamples',
    );
    expect(bad({ maxGrowthMBPerHour: 50, warmup: 'soon' })).toThrow(
      /toHaveStableMemory: invalid option "warmup": got "soon"/,
    );
    expect(bad({ maxGrowthMBPerHour: 50, warmup: '1s', warmupFraction: 0.1 })).toThrow(
      'toHaveStableMemory: give warmup or warmupFraction, not both',
    );
    expect(bad({ maxGrowthMBPerHour: 50, warmupFraction: 2 })).toThrow(
      'toHaveStableMemory: warmupFraction must be a fraction in [0, 1), received number 2',
    );
    expect(bad({ maxGrowthMBPerHour: 50, minSamples: 2 })).toThrow(
      'toHaveStableMemory: minSamples must be an integer >= 3, received number 2',
    );
  });

  test('records its verdict in the test meta', ({ task }) => {
    expect(flat).toHaveStableMemory({ maxGrowthMBPerHour: 50 });
    const verdicts = task.meta.vitestStress?.verdicts ?? [];
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({
      matcher: 'toHaveStableMemory',
      metric: 'resident memory growth',
      unit: 'MB/h',
      threshold: 50,
      pass: true,
      negated: false,
      subject: 'process_resident_memory_bytes',
    });
    expect(verdicts[0].observed).toBeCloseTo(3.52, 2);
  });
});

describe('.not.toHaveStableMemory', () => {
  test('passes for a leak', () => {
    expect(leaking).not.toHaveStableMemory({ maxGrowthMBPerHour: 50 });
  });

  test('fails for a flat series', () => {
    expect(() => expect(flat).not.toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      'expected resident memory growth not below 50 MB/h, got 3.52 MB/h (95% CI -30.5–37.5, ' +
        'n=108 samples (effective 64) after 11.9 s warm-up)',
    );
  });

  test('too few samples and bad input fail with .not too', ({ task }) => {
    expect(() => expect(series([])).not.toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      /has no samples/,
    );
    expect(() =>
      expect(memorySeries({ n: 3, slopeMBPerHour: 0 })).not.toHaveStableMemory({
        maxGrowthMBPerHour: 50,
      }),
    ).toThrow(/but only 2 samples/);
    expect(() => expect(undefined).not.toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      /received undefined/,
    );
    expect(() => expect(flat).not.toHaveStableMemory({ maxGrowthMBPerHour: -1 })).toThrow(
      /must be a number of MB per hour > 0/,
    );
    expect((task.meta.vitestStress?.verdicts ?? []).map((v) => v.pass)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
