import { afterEach, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { destroyingServer, downUrl, hangingServer, okServer, type FixtureServer } from '../helpers/servers.js';

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function track(s: Promise<FixtureServer>): Promise<FixtureServer> {
  const server = await s;
  servers.push(server);
  return server;
}

describe('load() against a failing target', () => {
  test('a target that is down: the run finishes, errors are counted, the SLA fails clearly', async () => {
    const url = await downUrl();
    const run = await load({ target: url, users: 3, duration: '800ms' });
    expect(run.requests.ok).toBe(0);
    expect(run.requests.errors).toBeGreaterThan(0);
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
    expect(run.errors[0].message).toMatch(/ECONNREFUSED/);
    expect(run.errorRate).toBe(1);
    expect(() => expect(run).toHaveP95Below(2000)).toThrow(/no successful responses to judge p95/);
    expect(() => expect(run).toHaveErrorRateBelow(0.01)).toThrow(/expected error rate below 1%, got 100%/);
  });

  test('a target that hangs: timeouts are counted, not latencies', async () => {
    const server = await track(hangingServer());
    const run = await load({ target: server.url, users: 2, duration: '1200ms', timeout: '300ms' });
    expect(run.requests.timeouts).toBeGreaterThanOrEqual(2);
    expect(run.requests.ok).toBe(0);
    expect(run.latency.count).toBe(0);
    expect(run.errors.find((e) => /no response within 300 ms/.test(e.message))).toBeDefined();
    expect(run.ledger.filter((e) => e.outcome === 'timeout').length).toBe(run.requests.timeouts);
    expect(() => expect(run).toHaveP99Below(10_000)).toThrow(/no successful responses/);
  });

  test('a server that destroys sockets: network errors, never a crash', async () => {
    const server = await track(destroyingServer());
    const run = await load({ target: server.url, users: 2, duration: '800ms' });
    expect(run.requests.errors).toBeGreaterThan(0);
    expect(run.requests.ok).toBe(0);
    expect(run.requests.total).toBe(run.requests.failed + run.requests.cancelled);
  });

  test('HTTP error statuses count as failures with their status codes', async () => {
    const { startServer } = await import('../helpers/servers.js');
    let n = 0;
    const server = await track(startServer((_req, res) => {
      res.statusCode = ++n % 4 === 0 ? 503 : 200;
      res.end();
    }));
    const run = await load({ target: server.url, users: 1, requests: 400 });
    expect(run.statusCodes).toEqual({ '200': 300, '503': 100 });
    expect(run.requests.httpErrors).toBe(100);
    expect(run.errorRate).toBeCloseTo(0.25, 10);
  });
});

describe('stopping', () => {
  test('an AbortSignal stops the run within 1 s and closes every socket', async () => {
    const server = await track(okServer(1));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const run = await load({ target: server.url, users: 4, duration: '30s', signal: controller.signal });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(300 + 1000 + 500);
    expect(run.warnings.some((w) => /aborted/.test(w))).toBe(true);
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections()).toBe(0);
  });

  let timedOut: Promise<unknown> | undefined;
  let timedOutServer: FixtureServer | undefined;
  test.fails('the Vitest test timeout aborts the load (this test is expected to time out)', async () => {
    timedOutServer = await okServer(1);
    timedOut = load({ target: timedOutServer.url, users: 2, duration: '60s' });
    await timedOut;
  }, 500);

  test('... and that load then finished and closed its sockets', async () => {
    expect(timedOut).toBeDefined();
    const started = performance.now();
    const run = (await timedOut) as Awaited<ReturnType<typeof load>>;
    expect(performance.now() - started).toBeLessThan(1500);
    expect(run.durationMs).toBeLessThan(5000);
    expect(run.warnings.some((w) => /aborted/.test(w))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(timedOutServer!.connections()).toBe(0);
    await timedOutServer!.close();
  });
});

describe('failed answers keep their Retry-After', () => {
  test.each(['autocannon', 'undici'] as const)('a 503 with Retry-After is recorded in the ledger (%s driver)', async (engine) => {
    const { startServer } = await import('../helpers/servers.js');
    let n = 0;
    const server = await track(startServer((_req, res) => {
      if (++n % 2 === 0) {
        res.statusCode = 503;
        res.setHeader('retry-after', '2');
      }
      res.end();
    }));
    const run = await load({ target: server.url, users: 2, requests: 100, engine });
    const refused = run.ledger.filter((e) => e.status === 503);
    expect(refused.length).toBe(50);
    expect(refused.every((e) => e.retryAfter === '2')).toBe(true);
    expect(run.ledger.filter((e) => e.status === 200).every((e) => e.retryAfter === undefined)).toBe(true);
  });
});
