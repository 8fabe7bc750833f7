import { describe, expect, test } from 'vitest';
import { seedAlertRules, withForWindows } from '../../src/metrics/alerts/seed-rules.js';
import { withMetrics } from '../../src/metrics/with-metrics.js';
import { fakeRun } from '../helpers/fake-run.js';
import { series } from '../metrics/synthetic-series.js';

/** 30 s at 30 requests/s, with a 503 burst in seconds [from, to), and resident memory samples. */
function run(from: number, to: number, extra: Record<string, number> = {}) {
  const result = fakeRun(
    Array.from({ length: 900 }, (_, i) => ({
      latencyMs: 5,
      status: i >= from * 30 && i < to * 30 ? 503 : 200,
    })),
    { durationMs: 30_000 },
  );
  const samples = Array.from({ length: 31 }, (_, s) => ({
    tMs: s * 1000,
    metrics: { process_resident_memory_bytes: 100e6, process_cpu_seconds_total: s * 0.2, ...extra },
  }));
  return withMetrics(result, series(samples));
}

const rules = withForWindows(seedAlertRules({ window: '1s' }), (r) => (r.forMs === 0 ? 0 : 3000));
const withoutMongo = rules.filter((r) => !r.name.includes('Mongo'));

describe('toFireNoAlerts', () => {
  test('passes when no rule fires and every rule has data', () => {
    expect(run(0, 0)).toFireNoAlerts(withoutMongo, { profile: 'full' });
    expect(run(0, 0, { mongodb_driver_pool_connections: 12 })).toFireNoAlerts(rules, {
      profile: 'full',
    });
  });

  test('fails naming the rule that fired, when and for how long', () => {
    expect(() => expect(run(10, 20)).toFireNoAlerts(withoutMongo, { profile: 'full' }))
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: expected no alert rule to fire: 2 fired, 0 without data, 3 ok over 30 s
        ✗ EthixErrorRateCritical (critical, Error rate above 15% for 5 minutes): fired at 14 s for \
7 s (pending from 11 s, resolved at 21 s; peak 100.0% > 15.0%) [for 3 s]
        ✓ EthixP95LatencyCritical (critical, p95 latency above 10 s): ok, peak 0.01 s (threshold \
10.00 s, 20 evaluations)
        ✓ EthixBackendMemoryCritical (critical, Backend resident memory above 500 MB): ok, peak \
100.0 MB (threshold 524.3 MB, 30 evaluations)
        ✗ EthixErrorRateWarning (warning, Error rate above 5% for 5 minutes): fired at 14 s for 7 \
s (pending from 11 s, resolved at 21 s; peak 100.0% > 5.0%) [for 3 s]
        ✓ EthixCpuWarning (warning, CPU above 90% for 10 minutes): ok, peak 20% CPU (threshold 90% CPU, 30 evaluations)]
    `);
  });

  test('a rule whose series is absent is no data and fails, with or without .not', () => {
    const mongoOnly = rules.filter((r) => r.name === 'EthixMongoConnectionsCritical');
    expect(() => expect(run(0, 0)).toFireNoAlerts(mongoOnly)).toThrow(
      /had no data \(not ok\)[\s\S]*\? EthixMongoConnectionsCritical .*no sample of mongodb_driver_pool_connections/,
    );
    expect(() => expect(run(0, 0)).not.toFireNoAlerts(mongoOnly)).toThrow(/had no data/);
  });

  test('a connections gauge above 90 fires the critical MongoDB rule', () => {
    expect(() =>
      expect(run(0, 0, { mongodb_driver_pool_connections: 95 })).toFireNoAlerts(rules, {
        profile: 'full',
      }),
    ).toThrow(/✗ EthixMongoConnectionsCritical .*fired at 1 s for 29 s/);
  });

  test('.not passes when a rule fired', () => {
    expect(run(10, 20)).not.toFireNoAlerts(withoutMongo, { profile: 'full' });
  });

  test('bad input fails the match with a message', () => {
    expect(() => expect({ p95: 3 }).toFireNoAlerts()).toThrow(
      /expected a vitest-stress run result/,
    );
    expect(() => expect(run(0, 0)).toFireNoAlerts([])).toThrow(/rules must be a non-empty array/);
  });
});
