import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer } from 'node:net';
import { load } from '../../src/load.js';
import { vuDriver } from '../../src/engine/vu-driver.js';
import { openDriver } from '../../src/engine/open-driver.js';
import {
  fastServer,
  hangingServer,
  resettingServer,
  slowServer,
  type FixtureServer,
} from './servers.js';
import { runDriver } from './run-driver.js';

let fast: FixtureServer;
let hanging: FixtureServer;
beforeAll(async () => {
  fast = await fastServer();
  hanging = await hangingServer();
});
afterAll(async () => {
  await fast.close();
  await hanging.close();
});

describe('virtual users with think time', () => {
  // The check: 10 users thinking 1–5 s for 60 s send 10 × 60 / (3 s + latency) ± 20%.
  // Here every time is divided by 10 (think 0.1–0.5 s, 6 s): the expected count is the same 200.
  test('10 users thinking 0.1–0.5 s for 6 s send 10 × 6 / (0.3 s + latency) ± 20%', async () => {
    const run = await load({
      target: fast.url,
      users: 10,
      thinkTime: { min: '100ms', max: '500ms' },
      duration: '6s',
      seed: 7,
      progress: false,
    });
    expect(run.engine).toBe('undici');
    const latencyS = (run.latency.mean ?? 0) / 1000;
    const expected = (10 * 6) / (0.3 + latencyS);
    expect(run.requests.total).toBeGreaterThanOrEqual(expected * 0.8);
    expect(run.requests.total).toBeLessThanOrEqual(expected * 1.2);
    expect(run.requests.ok).toBe(run.requests.total - run.requests.cancelled);
  }, 20_000);

  // Think-time seeding is tested draw for draw in seeding.test.ts.
});

describe('stages', () => {
  test('a 3-stage plan shows the planned active users second by second (± 1 after the ramp)', async () => {
    const run = await load({
      target: fast.url,
      thinkTime: '50ms',
      stages: [
        { name: 'warm', duration: '2s', users: 2 },
        { name: 'spike', duration: '3s', users: 12, ramp: '2s' },
        { name: 'cool', duration: '2s', users: 4 },
      ],
      progress: false,
      ledger: false,
    });
    // users at the end of each second: warm 2, 2; spike ramping 2→12 over 2 s (7 at 3 s, 12 at 4 s), holds 12; cool 4
    const planned = [2, 2, 7, 12, 12, 4, 4];
    const users = run.timeline.filter((e) => e.t < 7).map((e) => e.users);
    expect(users).toHaveLength(7);
    users.forEach((u, i) =>
      expect(Math.abs(u - planned[i]), `second ${i}: ${users.join(',')}`).toBeLessThanOrEqual(1),
    );
    expect(Object.keys(run.phases)).toEqual(['warm', 'spike', 'cool']);
    expect(run.phase('spike').users).toBe(12);
    expect(run.phase('spike').latency.count).toBeGreaterThan(0);
    expect(run.timeline[0].phase).toBe('warm');
    expect(run.timeline[3].phase).toBe('spike');
  }, 20_000);
});

describe('outcomes', () => {
  test('refused connections are errors with a clear message', async () => {
    const port = await freePort();
    const { report } = await runDriver(vuDriver, {
      target: `http://127.0.0.1:${port}`,
      users: 2,
      requests: 4,
      engine: 'undici',
    });
    expect(report.total.requests).toMatchObject({ total: 4, errors: 4 });
    expect(report.total.errors[0].message).toBe(`connection refused (127.0.0.1:${port})`);
  });

  test('a server that drops the connection is an error', async () => {
    const resetting = await resettingServer();
    const { report } = await runDriver(vuDriver, {
      target: resetting.url,
      users: 1,
      requests: 3,
      engine: 'undici',
    });
    await resetting.close();
    expect(report.total.requests).toMatchObject({ total: 3, errors: 3 });
    expect(report.total.errors[0].message).toMatch(
      /socket closed before the response|connection reset by the server/,
    );
  });

  test('no answer within the timeout is a timeout outcome', async () => {
    const { report } = await runDriver(vuDriver, {
      target: hanging.url,
      users: 2,
      requests: 2,
      timeout: '200ms',
      engine: 'undici',
    });
    expect(report.total.requests).toMatchObject({ total: 2, timeouts: 2 });
    expect(report.total.errors).toEqual([{ message: 'no response within 200 ms', count: 2 }]);
  });

  test('engine undici runs a plain closed run, honouring a request count', async () => {
    const run = await load({
      target: fast.url,
      users: 4,
      requests: 100,
      engine: 'undici',
      progress: false,
    });
    expect(run.engine).toBe('undici');
    expect(run.requests).toMatchObject({ total: 100, ok: 100 });
  });

  test('abort: stops and closes every socket', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const { wallMs } = await runDriver(
      vuDriver,
      { target: hanging.url, users: 20, duration: '30s', thinkTime: '10ms' },
      controller.signal,
    );
    expect(wallMs).toBeLessThan(15_000); // stopped, long before 30 s (how fast: npm run bench)
    await vi.waitFor(() => expect(hanging.openSockets).toBe(0));
  });
});

describe('client-side timeout chaos', () => {
  let slow: FixtureServer;
  beforeAll(async () => {
    slow = await slowServer(150);
  });
  afterAll(() => slow.close());

  test.each([
    ['closed (VU driver)', vuDriver, { users: 20, duration: '2s' }],
    ['open driver', openDriver, { rate: 200, duration: '2s' }],
  ] as const)(
    '%s: about `rate` of requests end as timeouts after the short timeout',
    async (_label, driver, shape) => {
      const { report } = await runDriver(driver, {
        target: slow.url,
        ...shape,
        seed: 3,
        clientTimeout: { rate: 0.25, timeout: '50ms' },
      });
      const { timeouts, ok } = report.total.requests;
      expect(timeouts / (ok + timeouts)).toBeGreaterThan(0.18);
      expect(timeouts / (ok + timeouts)).toBeLessThan(0.32);
      expect(report.total.errors[0].message).toBe(
        'no response within 50 ms (client timeout chaos)',
      );
    },
  );

  test('runs with clientTimeout go to the undici drivers', async () => {
    const run = await load({
      target: fast.url,
      users: 2,
      duration: '500ms',
      clientTimeout: { rate: 0, timeout: '1s' },
      progress: false,
    });
    expect(run.engine).toBe('undici');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
