import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCapacity } from '../../src/capacity/find-capacity.js';
import { startPoolServer, type PoolServer } from '../helpers/pool-server.js';
import { startServer } from '../helpers/servers.js';

// Ground truth: c = 4 workers, s = 20 ms. Closed model without think time: R(N) ≈ N·s/c, so
// under p95 < k·s with k = 3 the capacity is about c·k = 12 users.
const WORKERS = 4;
const SERVICE_MS = 20;
const K = 3;

describe('findCapacity on a server of known capacity', () => {
  let server: PoolServer;
  beforeAll(async () => {
    server = await startPoolServer(WORKERS, SERVICE_MS);
  });
  afterAll(() => server.close());

  test('finds c·k users within the step, refined to one user', async () => {
    const result = await findCapacity({
      target: server.url,
      users: { from: 4, to: 28, step: 4 },
      sla: { p95: K * SERVICE_MS },
      levelDuration: '2s',
      settle: '200ms',
      maxWallTime: '100s',
    });
    const expected = WORKERS * K;
    expect(result.outcome).toBe('found');
    expect(result.capacity).toBeGreaterThanOrEqual(expected - 4);
    expect(result.capacity).toBeLessThanOrEqual(expected);
    // Refined to the resolution: the first failing level is one user above the capacity.
    expect(result.firstFailing).toBe(result.capacity! + 1);
    expect(result.brokenLines.map((l) => l.metric)).toContain('p95');
    expect(result.levels.some((l) => l.phase === 'refine')).toBe(true);
    // Attribution: the queue and the worker pool were at their limit at the first failing level.
    expect(result.attribution.possible).toBe(true);
    const limited = result.attribution.limitedBy.map((r) => r.resource);
    expect(limited).toContain('queue pool_queue_length');
    expect(limited).toContain('workers pool_workers');
    expect(result.attribution.text).toMatch(/pool_workers_busy 4 of 4/);
    expect(result.generatorBound).toBe(false);
    // Throughput plateaus at c/s = 200 rps from about c users: the knee is at most c·k.
    expect(result.knee).toBeLessThanOrEqual(expected);
    if (typeof result.usl === 'string') throw new Error(result.usl);
    expect(result.usl.rSquared).toBeGreaterThan(0.5);
    expect(result.usl.peakRps).toBeGreaterThan((0.5 * WORKERS * 1000) / SERVICE_MS);
    // Every counted pass was conclusive: no inconclusive level below the capacity counted.
    for (const level of result.levels.filter((l) => l.level <= result.capacity!)) {
      expect(level.lines.every((line) => line.high !== null && line.high < line.limit)).toBe(true);
    }
  }, 120_000);

  test('says the limit was not reached when the top level passes', async () => {
    const result = await findCapacity({
      target: server.url,
      users: { from: 1, to: 2, step: 1 },
      sla: { p95: 50 * SERVICE_MS },
      levelDuration: '2s',
      settle: 0,
    });
    expect(result.outcome).toBe('limit-not-reached');
    expect(result.capacity).toBe(2);
    expect(result.firstFailing).toBeNull();
  }, 60_000);

  test('finds no capacity when even the first level fails', async () => {
    const result = await findCapacity({
      target: server.url,
      users: { from: 8, to: 16, step: 8 },
      sla: { p95: SERVICE_MS / 2 },
      levelDuration: '1s',
      settle: 0,
    });
    expect(result.outcome).toBe('none');
    expect(result.capacity).toBeNull();
    expect(result.firstFailing).toBe(8);
  }, 60_000);

  test('a target that is down is a conclusive fail, never a pass', async () => {
    const result = await findCapacity({
      target: 'http://127.0.0.1:9',
      users: { from: 1, to: 4, step: 1 },
      sla: { p95: 1000 },
      levelDuration: '500ms',
      settle: 0,
    });
    expect(result.outcome).toBe('none');
    expect(result.levels[0].lines[0].reason).toMatch(/no successful responses/);
    expect(result.attribution.possible).toBe(false);
    // Starts with why; a generator that lagged on a busy runner is named after it (attribute.test.ts).
    expect(result.attribution.text).toMatch(/^attribution not possible: no \/metrics samples/);
  }, 60_000);

  test('without metrics, attribution says it was not possible and why', async () => {
    const result = await findCapacity({
      target: server.url,
      users: { from: 8, to: 8 },
      sla: { p95: SERVICE_MS / 2 },
      levelDuration: '1s',
      settle: 0,
      metrics: false,
    });
    expect(result.attribution.possible).toBe(false);
    // Nothing of the target is named; the generator may be, when it lagged on a busy runner.
    const named = result.attribution.limitedBy.map((l) => l.resource);
    expect(named.filter((r) => r !== 'load generator')).toEqual([]);
    expect(result.attribution.text.split('; ')[0]).toBe(
      'attribution not possible: metrics sampling was turned off (metrics: false)',
    );
  }, 60_000);
});

describe('findCapacity when the generator is the limit', () => {
  let fast: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    fast = await startServer((_req, res) => res.end('ok'));
  });
  afterAll(() => fast.close());

  test('an open model asked for far more than it can send reports a lower bound', async () => {
    const result = await findCapacity({
      target: fast.url,
      rate: { from: 200_000, to: 200_000 },
      sla: { errorRate: 0.5 },
      levelDuration: '1s',
      settle: 0,
      maxExtensions: 0,
      metrics: false,
    });
    expect(result.generatorBound).toBe(true);
    expect(result.levels[0].generatorWarnings.join(' ')).toMatch(/open model sent late/);
    expect(result.attribution.text).toMatch(/lower bound set by the generator/);
  }, 60_000);
});

describe('findCapacity in a test', () => {
  test('leaves its whole result in the test meta, for the reports', async ({ task }) => {
    const result = await findCapacity({
      target: 'http://127.0.0.1:9',
      users: { from: 1, to: 2, step: 1 },
      sla: { p95: 1000 },
      levelDuration: '300ms',
      settle: 0,
      metrics: false,
    });
    const meta = task.meta.vitestStress;
    expect(meta?.capacity).toEqual([result]);
    // The levels' own runs are summarised in the result, not recorded as runs of the test.
    expect(meta?.runs).toEqual([]);
  }, 30_000);
});
