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
    const proxy = await chaosProxy({ target: upstream.url, seed: 9, faults: [{ type: 'latency', rate: 1, ms: 150 }] });
    try {
      const N = 400;
      const run = await load({ target: proxy.url, users: 20, requests: N, timeout: '3s', clientTimeout: { rate: 0.25, timeout: '40ms' }, seed: 9, progress: false });
      const result = withFaults(run, proxy);
      const timeouts = result.requests.timeouts;
      expect(Math.abs(timeouts - N * 0.25)).toBeLessThanOrEqual(4 * Math.sqrt(N * 0.25 * 0.75));
      expect(result.requests).toMatchObject({ total: N, ok: N - timeouts, errors: 0, httpErrors: 0 });
      expect(result.faults.outcomes.latency).toEqual({ ok: N - timeouts, timeout: timeouts });
      expect(result.faults.join.exact).toBe(true);
      expect(result).toDegradeGracefully();
    } finally {
      await proxy.close();
    }
  });
});
