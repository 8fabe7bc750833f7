import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, load, profileDuration, withFaults, type ChaosProxy } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { seedMix } from './setup/seed-mix.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

// Seed scenario 7 — chaos: 20 users for 10 minutes (full) through a fault-injecting proxy with
// the seed's mix: 10% timeouts (held, never answered), 5% network errors (reset), 15% slow
// responses (5 s). Resilient at >= 80% success; every failure is an injected fault or a
// graceful refusal (503 + Retry-After, 429); nothing hangs past its timeout.
const SEED_FAULTS = [
  { type: 'timeout', rate: 0.1 },
  { type: 'reset', rate: 0.05 },
  { type: 'latency', rate: 0.15, ms: 5000 },
] as const;

let proxy: ChaosProxy;
const target = suiteTarget();

beforeAll(async () => {
  proxy = await chaosProxy({ target: target.url, seed: 7, faults: [...SEED_FAULTS], allowRemote: true });
});
afterAll(() => proxy?.close());

describe('chaos', () => {
  test('20 users under the seed fault mix: resilient (>= 80% success) and degrading gracefully', async () => {
    await waitForIdle(target.url);
    const run = withFaults(
      await load({
        name: 'chaos',
        target: proxy.url,
        users: 20,
        duration: profileDuration('10m'),
        // The client waits 6 s: slow (5 s) answers succeed, held requests time out.
        timeout: '6s',
        scenarios: seedMix(),
      }),
      proxy,
    );
    expect(run).toBeResilient({ minSuccessRate: 0.8, confidence: 0.95 });
    expect(run).toDegradeGracefully();
    expect(run.faults.join.exact).toBe(true);
    await expectCompleteAudit(run, target);
  });
});
