import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { load } from '../../src/load.js';
import {
  destroyingServer,
  downUrl,
  hangingServer,
  okServer,
  type FixtureServer,
} from '../helpers/servers.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
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
    expect(() => expect(run).toHaveErrorRateBelow(0.01)).toThrow(
      /expected error rate below 1%, got 100%/,
    );
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
    const server = await track(
      startServer((_req, res) => {
        res.statusCode = ++n % 4 === 0 ? 503 : 200;
        res.end();
      }),
    );
    const run = await load({ target: server.url, users: 1, requests: 400 });
    expect(run.statusCodes).toEqual({ '200': 300, '503': 100 });
    expect(run.requests.httpErrors).toBe(100);
    expect(run.errorRate).toBeCloseTo(0.25, 10);
  });
});

describe('stopping', () => {
  test('an AbortSignal stops the run and closes every socket', async () => {
    const server = await track(okServer(1));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const run = await load({
      target: server.url,
      users: 4,
      duration: '30s',
      signal: controller.signal,
    });
    // How fast it stops is a timing figure for `npm run bench`; here: it stopped, long before 30 s.
    expect(run.durationMs).toBeLessThan(15_000);
    expect(run.warnings.some((w) => /aborted/.test(w))).toBe(true);
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
    await vi.waitFor(() => expect(server.connections()).toBe(0));
  });

  // The timeout must really happen, so it happens in a child Vitest run (test/e2e/timeout-project)
  // whose afterAll writes down what the load did afterwards.
  test('the Vitest test timeout aborts the load, which then finishes and closes its sockets', async () => {
    const out = await mkdtemp(join(tmpdir(), 'vs-timeout-'));
    const child = await exec(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', 'test/e2e/timeout-project'],
      {
        cwd: root,
        env: { ...process.env, VS_E2E_OUT: out, CI: 'true', NO_COLOR: '1' },
      },
    ).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr,
      }),
    );
    expect(child.code, child.out).toBe(1);
    expect(child.out).toMatch(/Test timed out in 500ms/);
    const report = JSON.parse(await readFile(join(out, 'timeout.json'), 'utf8')) as {
      durationMs: number;
      warnings: string[];
      sent: number;
      connections: number;
    };
    expect(report.sent).toBeGreaterThan(0);
    expect(report.durationMs).toBeLessThan(30_000); // stopped by the timeout, not by its 60 s duration
    expect(report.warnings.some((w) => /aborted/.test(w))).toBe(true);
    expect(report.connections).toBe(0);
  }, 90_000);
});

describe('failed answers keep their Retry-After', () => {
  test.each(['autocannon', 'undici'] as const)(
    'a 503 with Retry-After is recorded in the ledger (%s driver)',
    async (engine) => {
      const { startServer } = await import('../helpers/servers.js');
      let n = 0;
      const server = await track(
        startServer((_req, res) => {
          if (++n % 2 === 0) {
            res.statusCode = 503;
            res.setHeader('retry-after', '2');
          }
          res.end();
        }),
      );
      const run = await load({ target: server.url, users: 2, requests: 100, engine });
      const refused = run.ledger.filter((e) => e.status === 503);
      expect(refused.length).toBe(50);
      expect(refused.every((e) => e.retryAfter === '2')).toBe(true);
      expect(
        run.ledger.filter((e) => e.status === 200).every((e) => e.retryAfter === undefined),
      ).toBe(true);
    },
  );
});
