import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, withFaults } from '../../src/chaos/index.js';
import { load } from '../../src/load.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

// Client-side chaos (the seed's chaos_test.py): a chosen fraction of requests uses a shorter
// client timeout. Against a proxy that slows every answer by 150 ms, exactly those time out.
describe('load({ clientTimeout }) with the proxy', () => {
  test('the chosen fraction of requests times out on the client, and the join explains them', async () => {
    const proxy = await chaosProxy({
      target: upstream.url,
      seed: 9,
      faults: [{ type: 'latency', rate: 1, ms: 150 }],
    });
    try {
      const N = 400;
      const run = await load({
        target: proxy.url,
        users: 20,
        requests: N,
        timeout: '3s',
        clientTimeout: { rate: 0.25, timeout: '40ms' },
        seed: 9,
        progress: false,
      });
      const result = withFaults(run, proxy);
      const timeouts = result.requests.timeouts;
      expect(Math.abs(timeouts - N * 0.25)).toBeLessThanOrEqual(4 * Math.sqrt(N * 0.25 * 0.75));
      expect(result.requests).toMatchObject({
        total: N,
        ok: N - timeouts,
        errors: 0,
        httpErrors: 0,
      });
      expect(result.faults.outcomes.latency).toEqual({ ok: N - timeouts, timeout: timeouts });
      expect(result.faults.join.exact).toBe(true);
      expect(result).toDegradeGracefully();
      // The client's own timeouts count as injected faults, so none is left unexplained.
      expect(result.faults.injected['client-timeout']).toBe(timeouts);
      expect(result.faults.unexplained.timeouts).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('load({ clientTimeout }) without a proxy fault', () => {
  test('the client-side chaos timeouts alone are counted as injected, not as unexplained failures', async () => {
    const proxy = await chaosProxy({
      target: upstream.url,
      seed: 3,
      faults: [{ type: 'latency', rate: 1, ms: 100 }],
    });
    try {
      const run = withFaults(
        await load({
          target: proxy.url,
          users: 10,
          requests: 100,
          timeout: '3s',
          clientTimeout: { rate: 0.3, timeout: '20ms' },
          seed: 3,
          progress: false,
        }),
        proxy,
      );
      expect(run.requests.timeouts).toBeGreaterThan(0);
      const timeouts = run.ledger.filter((e) => e.outcome === 'timeout');
      expect(timeouts.every((e) => e.error?.endsWith('(client timeout chaos)'))).toBe(true);
      expect(timeouts.map((e) => e.cause)).toEqual(timeouts.map(() => 'client-timeout-chaos'));
      expect(run.faults.injected['client-timeout']).toBe(run.requests.timeouts);
      expect(run.faults.unexplained.total).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
