import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { drainTarget, heldWork } from '../../src/capacity/drain-target.js';
import { findCapacity } from '../../src/capacity/find-capacity.js';
import { parseExposition } from '../../src/metrics/exposition.js';
import { startPoolServer, type PoolServer } from '../helpers/pool-server.js';

describe('heldWork', () => {
  test('sums in-flight, busy and queue gauges, not limits or counters', () => {
    const text = [
      '# TYPE pool_queue_length gauge',
      'pool_queue_length 3',
      '# TYPE pool_workers_busy gauge',
      'pool_workers_busy 2',
      '# TYPE pool_workers_max gauge',
      'pool_workers_max 4',
      '# TYPE ai_core_jobs_inflight gauge',
      'ai_core_jobs_inflight 5',
      '# TYPE queue_refusals_total counter',
      'queue_refusals_total 9',
    ].join('\n');
    expect(heldWork(parseExposition(text))).toBe(10);
  });
});

// One worker of 250 ms and 8 users: a response takes about 2 s, more than a level's 1 s drain
// grace, so every level ends with requests the client gave up on still queued at the server.
describe('settle between levels drains the target', () => {
  let server: PoolServer;
  beforeAll(async () => {
    server = await startPoolServer(1, 250);
  });
  afterAll(() => server.close());

  test('the next level starts on an idle target: nothing of the last level counts in it', async () => {
    const result = await findCapacity({
      target: server.url,
      users: { from: 8, to: 9, step: 1 },
      sla: { errorRate: 0.5 },
      levelDuration: '1500ms',
      maxExtensions: 0,
      settle: { timeout: '20s', quiet: '100ms' },
      maxWallTime: '60s',
    });
    expect(result.levels).toHaveLength(2);
    const settle = result.levels[1].settle!;
    // Something was left to drain, and it drained.
    expect(settle.heldAtStart).toBeGreaterThan(0);
    expect(settle).toMatchObject({ drained: true, heldAtEnd: 0 });
    // The server's own count: the first request of each level found it holding nothing.
    expect(server.idleArrivals()).toBe(2);
  }, 60_000);

  // p99 needs 299 responses at 95%: 1 worker of 250 ms gives about 6 in 1.5 s, 12 in 3 s, so the
  // level stays inconclusive and is extended once; the extension too must meet an idle target.
  test('an extended level drains before its extension too', async () => {
    const own = await startPoolServer(1, 250);
    try {
      const result = await findCapacity({
        target: own.url,
        users: { from: 8, to: 8 },
        sla: { p99: 60_000 },
        levelDuration: '1500ms',
        maxExtensions: 1,
        settle: { timeout: '20s', quiet: '100ms' },
        maxWallTime: '60s',
      });
      expect(result.levels).toHaveLength(1);
      expect(result.levels[0]).toMatchObject({ state: 'inconclusive', runs: 2 });
      // The server's own count: both runs' first requests found it holding nothing.
      expect(own.idleArrivals()).toBe(2);
      // The settle before the judged run (the extension): the first run had left work queued.
      const settle = result.levels[0].settle!;
      expect(settle.heldAtStart).toBeGreaterThan(0);
      expect(settle).toMatchObject({ drained: true, heldAtEnd: 0 });
    } finally {
      await own.close();
    }
  }, 60_000);

  test('bounded by its timeout, and says why it did not drain', async () => {
    const url = `${server.url}/metrics`;
    const busy = Array.from({ length: 6 }, () => fetch(`${server.url}/x`).then((r) => r.text()));
    await vi.waitFor(() => expect(server.maxQueued()).toBeGreaterThan(0));
    const report = await drainTarget(
      [url],
      { timeoutMs: 0, quietMs: 0 },
      AbortSignal.timeout(5000),
    );
    expect(report.drained).toBe(false);
    expect(report.reason).toMatch(/the target still held \d+ after 0 ms/);
    await Promise.all(busy);
  }, 30_000);

  test('without metrics it waits the quiet time only and says so', async () => {
    const report = await drainTarget(
      [],
      { timeoutMs: 1000, quietMs: 10 },
      AbortSignal.timeout(5000),
    );
    expect(report).toMatchObject({ drained: false, heldAtStart: null });
    expect(report.reason).toBe('no /metrics to read the target in flight from');
  });
});
