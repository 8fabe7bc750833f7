import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

// Stop when decided, end to end: a fast server and a slow one against the same SLA. The
// assertions are on what the result says (why and when it stopped), not on wall-clock speed:
// O'Brien–Fleming spending cannot decide before ≈ 17% of the maximum (its first look with a
// usable share of α), so a decided run of at most 30 s stops between ≈ 5 s and 30 s.
const MAX = '30s';
let fast: FixtureServer;
let slow: FixtureServer;
beforeAll(async () => {
  fast = await okServer(0);
  slow = await okServer(40);
});
afterAll(async () => {
  await fast.close();
  await slow.close();
});

describe('load({ until })', () => {
  test('a healthy target stops early, passed, and the matcher agrees with the stop', async () => {
    const run = await load({
      target: fast.url,
      users: 4,
      duration: MAX,
      until: { p95Below: 500, minDuration: '1s' },
      progress: false,
    });
    expect(run.sequential?.stoppedBecause).toBe('decided');
    expect(run.sequential?.verdicts[0]).toMatchObject({
      metric: 'p95',
      threshold: 500,
      state: 'pass',
    });
    expect(run.durationMs).toBeLessThan(29_000);
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
    expect(run).toHaveP95Below(500);
    expect(() => expect(run).not.toHaveP95Below(500)).toThrow(/stop when decided\): pass/);
  });

  test('a slow target stops early, failed, and the matcher fails naming the sequential bounds', async () => {
    const run = await load({
      target: slow.url,
      users: 4,
      duration: MAX,
      until: { p95Below: 10, errorRateBelow: 0.5, minDuration: '1s' },
      progress: false,
    });
    expect(run.sequential?.stoppedBecause).toBe('decided');
    expect(run.sequential?.verdicts.map((v) => v.state)).toEqual(['fail', 'pass']);
    expect(run.durationMs).toBeLessThan(29_000);
    expect(() => expect(run).toHaveP95Below(10)).toThrow(
      /p95 below 10 ms at 95% confidence over all looks \(stop when decided\): fail, decided at/,
    );
    expect(run).toHaveErrorRateBelow(0.5);
  });

  test('an SLA the run did not watch is judged as before, on the whole run', async () => {
    const run = await load({
      target: fast.url,
      users: 2,
      duration: '2s',
      until: { p99Below: 1000, minDuration: '1s' },
      progress: false,
    });
    expect(run.sequential?.verdicts).toHaveLength(1);
    expect(run).toHaveP95Below(1000);
    expect(() => expect(run).toHaveP95Below(1000, { confidence: 0.95 })).not.toThrow();
  });

  test('until without a duration is refused with a coded error', async () => {
    await expect(
      load({ target: fast.url, users: 1, requests: 10, until: { p95Below: 100 } }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_INVALID_OPTION',
      message: expect.stringMatching(/"until".*a run with `duration`/),
    });
  });
});
