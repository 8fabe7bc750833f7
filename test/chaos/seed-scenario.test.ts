// The seed's chaos scenario, as shown in docs/chaos.md (docs-example.test.ts keeps the two equal).
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chaosProxy, withFaults, type ChaosProxy } from '../../src/chaos/index.js';
import { load } from '../../src/load.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

let service: Upstream;
let proxy: ChaosProxy;

beforeAll(async () => {
  service = await startUpstream();
  proxy = await chaosProxy({
    target: service.url,
    seed: 2024,
    faults: [
      { type: 'timeout', rate: 0.1 },
      { type: 'reset', rate: 0.05 },
      { type: 'latency', rate: 0.15, ms: 5000 },
    ],
  });
});
afterAll(async () => {
  await proxy.close();
  await service.close();
});

test('the service stays resilient under timeouts, network errors and slow responses', async () => {
  // The client waits 6 s: slow (5 s) answers succeed, held requests time out.
  const result = withFaults(
    await load({ target: proxy.url, users: 20, duration: '8s', timeout: '6s' }),
    proxy,
  );

  expect(result).toBeResilient({ minSuccessRate: 0.8 });
  expect(result).toDegradeGracefully();
  expect(result.faults.join.exact).toBe(true);
});
// --8<-- [end:spec]
