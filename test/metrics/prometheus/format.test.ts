import { describe, expect, test } from 'vitest';
import type { CollectedMetrics } from '../../../src/metrics/prometheus/collect.js';
import { metricsToCsv, metricsToJson } from '../../../src/metrics/prometheus/format.js';

const labels = (record: Record<string, string>) =>
  Object.assign(Object.create(null) as Record<string, string>, record);

const collected: CollectedMetrics = {
  kind: 'vitest-stress/prometheus',
  prometheusUrl: 'http://127.0.0.1:9090',
  mode: 'range',
  start: '2026-11-30T10:00:00.000Z',
  end: '2026-11-30T10:00:10.000Z',
  stepS: 5,
  queries: [
    {
      name: 'p95Latency',
      expr: 'histogram_quantile(0.95, x)',
      series: [
        {
          labels: labels({ status: '503', job: 'a,"b"' }),
          points: [
            { tS: 1796032800, value: NaN },
            { tS: 1796032805, value: Infinity },
            { tS: 1796032810, value: 0.25 },
          ],
        },
      ],
    },
  ],
};

describe('metricsToJson / metricsToCsv', () => {
  test('JSON writes non-finite values as Prometheus does ("NaN", "+Inf")', () => {
    const back = JSON.parse(metricsToJson(collected));
    expect(back.queries[0].series[0].points).toEqual([
      { tS: 1796032800, value: 'NaN' },
      { tS: 1796032805, value: '+Inf' },
      { tS: 1796032810, value: 0.25 },
    ]);
  });

  test('CSV: one row per timestamp and series, sorted labels in PromQL form, quoted when needed', () => {
    expect(metricsToCsv(collected).split('\n')).toEqual([
      'query,series,unix_time,time,value',
      'p95Latency,"{job=""a,\\""b\\"""",status=""503""}",1796032800,2026-11-30T10:00:00.000Z,NaN',
      'p95Latency,"{job=""a,\\""b\\"""",status=""503""}",1796032805,2026-11-30T10:00:05.000Z,+Inf',
      'p95Latency,"{job=""a,\\""b\\"""",status=""503""}",1796032810,2026-11-30T10:00:10.000Z,0.25',
      '',
    ]);
  });
});
