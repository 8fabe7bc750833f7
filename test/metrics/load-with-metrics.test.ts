import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWithMetrics } from '../../src/metrics/load-with-metrics.js';
import { withMetrics } from '../../src/metrics/with-metrics.js';
import { linearRun } from '../helpers/fake-run.js';
import { series } from './synthetic-series.js';

// A service that counts its answers in prom-client and serves them at /metrics.
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const answered = new Counter({
  name: 'http_requests_total',
  help: 'answered',
  labelNames: ['status'],
  registers: [registry],
});
let server: http.Server;
let target: string;
beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      return;
    }
    answered.inc({ status: '200' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loadWithMetrics', () => {
  test('samples the target’s /metrics during the run and attaches the series', async ({ task }) => {
    const run = await loadWithMetrics(
      { target, users: 2, duration: '1500ms' },
      { intervalMs: 250, timeoutMs: 5000 },
    );
    expect(run.requests.ok).toBeGreaterThan(0);
    expect(run.metrics).toMatchObject({
      kind: 'vitest-stress/metrics',
      source: `${target}/metrics`,
      intervalMs: 250,
    });
    expect(run.metrics.samples.length).toBeGreaterThanOrEqual(2);
    const first = run.metrics.samples[0];
    const last = run.metrics.samples.at(-1)!;
    expect(first.metrics.process_resident_memory_bytes).toBeGreaterThan(1e6);
    // The counter grew during the run: the sampler saw the load.
    expect(last.metrics['sum(http_requests_total)']).toBeGreaterThan(
      first.metrics['sum(http_requests_total)'] ?? 0,
    );
    expect(run.phase).toBeTypeOf('function');
    expect(run).toHaveMetricBelow('process_resident_memory_bytes', 100e9);
    // The JSON report gets the series through the run's entry in the test meta.
    expect(task.meta.vitestStress?.runs[0].metrics).toBe(run.metrics);
  });

  test('a metrics endpoint that is down leaves gaps, not a failed run', async () => {
    const run = await loadWithMetrics(
      { target, users: 1, duration: '500ms' },
      { url: 'http://127.0.0.1:1/metrics', intervalMs: 100, timeoutMs: 5000 },
    );
    expect(run.requests.ok).toBeGreaterThan(0);
    expect(run.metrics.samples).toEqual([]);
    expect(run.metrics.errors[0].error).toMatch(/ECONNREFUSED/);
    expect(() => expect(run).toHaveStableMemory({ maxGrowthMBPerHour: 50 })).toThrow(
      /has no samples \(\d+ scrapes? failed, first: connect ECONNREFUSED/,
    );
  });

  test('bad options throw before any load', async () => {
    await expect(
      loadWithMetrics({ target, users: 1, duration: '1s' }, { intervalMs: 1 }),
    ).rejects.toThrow(/invalid option "intervalMs"/);
    await expect(
      loadWithMetrics({ target: 'http://10.0.0.1:80', users: 1, duration: '1s' }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_REMOTE_TARGET' });
  });
});

describe('withMetrics', () => {
  test('adds the series to the same result object', () => {
    const run = linearRun(5);
    const s = series([]);
    const withSection = withMetrics(run, s);
    expect(withSection).toBe(run);
    expect(withSection.metrics).toBe(s);
    expect(withSection.phase).toBeTypeOf('function');
  });
});
