import { describe, expect, test } from 'vitest';
import type { MetricsSeries } from '../../src/contracts/metrics-series.js';
import type { RunResult } from '../../src/contracts/run-result.js';
import { readResources, refusalReading } from '../../src/capacity/resource-readings.js';

function series(samples: Array<Record<string, number>>): MetricsSeries {
  return {
    kind: 'vitest-stress/metrics',
    source: 'http://127.0.0.1:1/metrics',
    startedAt: '2026-12-03T00:00:00.000Z',
    intervalMs: 1000,
    names: [],
    samples: samples.map((metrics, i) => ({ tMs: i * 1000, metrics })),
    errors: [],
    scrapes: { ok: samples.length, failed: 0 },
    thinned: 0,
  };
}

const byResource = (readings: ReturnType<typeof readResources>) =>
  Object.fromEntries(readings.map((r) => [r.resource, r]));

describe('readResources', () => {
  test('admitted work against its maximum, refusal counters rising, the job named', () => {
    const readings = readResources(
      series([
        { ai_core_jobs_inflight: 40, ai_core_jobs_max: 66, ai_core_refusals_total: 3 },
        { ai_core_jobs_inflight: 66, ai_core_jobs_max: 66, ai_core_refusals_total: 15 },
      ]),
      2,
      'ai-core',
    );
    const r = byResource(readings);
    expect(r['ai-core admitted ai_core_jobs']).toMatchObject({ saturated: true, limit: 66 });
    expect(r['ai-core admitted ai_core_jobs'].text).toBe('ai-core ai_core_jobs_inflight 66 of 66');
    expect(r['ai-core refusals ai_core_refusals_total']).toMatchObject({
      value: 12,
      saturated: true,
    });
  });

  test('an unbounded queue is saturated when non-empty on half the samples, not on one blip', () => {
    const blip = byResource(
      readResources(series([{ q_queue: 0 }, { q_queue: 4 }, { q_queue: 0 }]), 2),
    );
    expect(blip['queue q_queue']).toMatchObject({ saturated: false, value: 4 });
    expect(blip['queue q_queue'].text).toBe('q_queue max 4, non-empty on 33% of samples');
    const held = byResource(
      readResources(series([{ q_queue: 2 }, { q_queue: 4 }, { q_queue: 0 }]), 2),
    );
    expect(held['queue q_queue'].saturated).toBe(true);
  });

  test('a queue with an exported limit is read against it', () => {
    const r = byResource(readResources(series([{ jobs_queued: 5, jobs_queued_limit: 64 }]), 2));
    expect(r['queue jobs_queued']).toMatchObject({ saturated: false, limit: 64 });
    const full = byResource(readResources(series([{ jobs_queued: 60, jobs_queued_limit: 64 }]), 2));
    expect(full['queue jobs_queued'].saturated).toBe(true);
  });
});

describe('refusalReading', () => {
  test('503 and 429 answers are refusals, with their share', () => {
    const run = { statusCodes: { '200': 90, '503': 8, '429': 2 } } as unknown as RunResult;
    expect(refusalReading(run)).toMatchObject({
      saturated: true,
      value: 10,
      text: 'refused with 503/429: 10 of 100 answers (10%)',
    });
    expect(refusalReading({ statusCodes: { '200': 5 } } as unknown as RunResult)).toBeUndefined();
  });
});
