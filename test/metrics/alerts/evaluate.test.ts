import { describe, expect, test } from 'vitest';
import { evaluateAlerts } from '../../../src/metrics/alerts/evaluate.js';
import type { AlertRule } from '../../../src/metrics/alerts/rule.js';
import { seedAlertRules, withForWindows } from '../../../src/metrics/alerts/seed-rules.js';
import { withMetrics } from '../../../src/metrics/with-metrics.js';
import { fakeRun } from '../../helpers/fake-run.js';
import { series } from '../synthetic-series.js';

/** 30 s at 30 requests/s; every request sent in seconds [from, to) fails with a 503. */
function runWithErrorBurst(from: number, to: number) {
  return fakeRun(
    Array.from({ length: 900 }, (_, i) => ({
      latencyMs: 5,
      status: i >= from * 30 && i < to * 30 ? 503 : 200,
    })),
    { durationMs: 30_000 },
  );
}

const errorRule = (forMs: number): AlertRule => ({
  ...seedAlertRules({ window: '1s' }).find((r) => r.name === 'EthixErrorRateCritical')!,
  forMs,
});
const rule = (name: string) => seedAlertRules().find((r) => r.name === name)!;

describe('evaluateAlerts: Prometheus for semantics', () => {
  test('pending when the condition first holds, firing after `for`, resolved when it stops', () => {
    const [verdict] = evaluateAlerts(runWithErrorBurst(10, 20), [errorRule(3000)], {
      profile: 'full',
    });
    expect(verdict.status).toBe('fired');
    // Second 10 is judged at t = 11 (its end); fires once 3 s have passed; second 20 is clean again.
    expect(verdict.episodes).toEqual([
      { pendingAtS: 11, firingAtS: 14, resolvedAtS: 21, firingForS: 7, peak: 1 },
    ]);
  });

  test('a breach shorter than `for` stays pending and the rule is ok', () => {
    const [verdict] = evaluateAlerts(runWithErrorBurst(10, 20), [errorRule(20_000)], {
      profile: 'full',
    });
    expect(verdict.status).toBe('ok');
    expect(verdict.episodes).toEqual([{ pendingAtS: 11, resolvedAtS: 21, firingForS: 0, peak: 1 }]);
  });

  test('for = 0 fires at the first breaching evaluation; a breach to the end is still firing', () => {
    const [verdict] = evaluateAlerts(runWithErrorBurst(25, 30), [errorRule(0)], {
      profile: 'full',
    });
    expect(verdict.episodes).toEqual([{ pendingAtS: 26, firingAtS: 26, firingForS: 4, peak: 1 }]);
  });

  test('`for` windows scale with the profile like durations (5 min: quick 30 s, smoke 5 s, full 300 s)', () => {
    const run = runWithErrorBurst(0, 0);
    expect(
      evaluateAlerts(run, [rule('EthixErrorRateCritical')], { profile: 'quick' })[0].forS,
    ).toBe(30);
    expect(
      evaluateAlerts(run, [rule('EthixErrorRateCritical')], { profile: 'smoke' })[0].forS,
    ).toBe(5);
    expect(evaluateAlerts(run, [rule('EthixErrorRateCritical')], { profile: 'full' })[0].forS).toBe(
      300,
    );
    expect(evaluateAlerts(run, [rule('EthixCpuWarning')], { profile: 'quick' })[0].forS).toBe(60);
  });

  test('the trailing rate window smooths the error rate (5 s window: one bad second in five is 20%)', () => {
    const fivesecond = { ...errorRule(0), signal: { kind: 'errorRate', windowS: 5 } } as AlertRule;
    const [verdict] = evaluateAlerts(runWithErrorBurst(10, 11), [fivesecond], { profile: 'full' });
    expect(verdict.episodes).toEqual([
      { pendingAtS: 11, firingAtS: 11, resolvedAtS: 16, firingForS: 5, peak: 0.2 },
    ]);
  });
});

describe('evaluateAlerts: server series', () => {
  const memory = (mb: (s: number) => number) =>
    series(
      Array.from({ length: 31 }, (_, s) => ({
        tMs: s * 1000,
        metrics: {
          process_resident_memory_bytes: mb(s) * 1024 * 1024,
          process_cpu_seconds_total: s * 0.95,
        },
      })),
    );

  test('backend memory above 500 MB fires; below it is ok', () => {
    // The sample taken at 20 s is the value at the evaluation at 20 s.
    const high = withMetrics(
      runWithErrorBurst(0, 0),
      memory((s) => (s >= 20 ? 600 : 100)),
    );
    expect(
      evaluateAlerts(high, [rule('EthixBackendMemoryCritical')], { profile: 'full' })[0],
    ).toMatchObject({ status: 'fired', episodes: [{ pendingAtS: 20, firingAtS: 20 }] });
    const low = withMetrics(
      runWithErrorBurst(0, 0),
      memory(() => 100),
    );
    expect(
      evaluateAlerts(low, [rule('EthixBackendMemoryCritical')], { profile: 'full' })[0],
    ).toMatchObject({ status: 'ok', evaluations: 30 });
  });

  test('CPU is the rate of process_cpu_seconds_total (0.95 cores > 90%)', () => {
    const run = withMetrics(
      runWithErrorBurst(0, 0),
      memory(() => 100),
    );
    const cpu = {
      ...rule('EthixCpuWarning'),
      forMs: 10_000,
      signal: { kind: 'rate', metric: 'process_cpu_seconds_total', windowS: 5 },
    } as AlertRule;
    const [verdict] = evaluateAlerts(run, [cpu], { profile: 'full' });
    expect(verdict.status).toBe('fired');
    expect(verdict.peak).toBeCloseTo(0.95, 6);
    expect(verdict.episodes[0]).toMatchObject({ pendingAtS: 1, firingAtS: 11 });
  });

  test('an absent series is no data, not ok: without metrics, and with metrics lacking the MongoDB pool', () => {
    const bare = runWithErrorBurst(0, 0);
    expect(evaluateAlerts(bare, [rule('EthixMongoConnectionsCritical')])[0]).toMatchObject({
      status: 'no-data',
      noData: expect.stringContaining('no server metrics'),
    });
    const withMemory = withMetrics(
      runWithErrorBurst(0, 0),
      memory(() => 100),
    );
    expect(evaluateAlerts(withMemory, [rule('EthixMongoConnectionsWarning')])[0]).toMatchObject({
      status: 'no-data',
      noData: expect.stringContaining('no sample of mongodb_driver_pool_connections'),
    });
  });

  test('a run with no finished request has no error-rate data', () => {
    const empty = fakeRun([], { durationMs: 5000 });
    expect(evaluateAlerts(empty, [errorRule(0)], { profile: 'full' })[0].status).toBe('no-data');
  });
});

describe('seedAlertRules', () => {
  test("the seed's seven rules with their thresholds, for windows and severities", () => {
    expect(seedAlertRules().map((r) => [r.name, r.severity, r.threshold, r.forMs])).toEqual([
      ['EthixErrorRateCritical', 'critical', 0.15, 300_000],
      ['EthixP95LatencyCritical', 'critical', 10, 0],
      ['EthixBackendMemoryCritical', 'critical', 500 * 1024 * 1024, 0],
      ['EthixMongoConnectionsCritical', 'critical', 90, 0],
      ['EthixErrorRateWarning', 'warning', 0.05, 300_000],
      ['EthixCpuWarning', 'warning', 0.9, 600_000],
      ['EthixMongoConnectionsWarning', 'warning', 80, 0],
    ]);
    expect(withForWindows(seedAlertRules(), () => 2000).every((r) => r.forMs === 2000)).toBe(true);
  });

  test('a window that is not whole seconds is ERR_STRESS_INVALID_OPTION', () => {
    expect(() => seedAlertRules({ window: '1500ms' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'window' }),
    );
  });
});
