import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, withFaults, type FaultOptions } from '../../src/chaos/index.js';
import { load } from '../../src/load.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const N = 2000;
const MIX: FaultOptions[] = [
  { type: 'timeout', rate: 0.05 },
  { type: 'reset', rate: 0.05 },
  { type: 'latency', rate: 0.1, ms: 5, jitterMs: 2 },
  { type: 'status', rate: 0.05, code: 503, headers: { 'retry-after': '1' } },
  { type: 'slowBody', rate: 0.05, bytesPerSecond: 1000 },
];

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

/** 2000 requests from 20 users through a fresh proxy with `seed`; client timeout 500 ms. */
async function run(seed: number) {
  const proxy = await chaosProxy({ target: upstream.url, faults: MIX, seed });
  try {
    const result = await load({
      target: proxy.url,
      users: 20,
      requests: N,
      timeout: 500,
      progress: false,
    });
    return withFaults(result, proxy);
  } finally {
    await proxy.close();
  }
}

describe('2000 requests with a fixed seed', () => {
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    first = await run(42);
  });

  test('each fault occurs at its rate, within 4 standard deviations', () => {
    const { injected } = first.faults;
    expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBe(N);
    for (const fault of MIX) {
      const expected = N * fault.rate;
      const tolerance = 4 * Math.sqrt(N * fault.rate * (1 - fault.rate));
      expect(
        Math.abs(injected[fault.type] - expected),
        `${fault.type}: ${injected[fault.type]} vs ${expected}`,
      ).toBeLessThanOrEqual(tolerance);
    }
  });

  test('the same seed reproduces the exact counts; another seed does not', async () => {
    const again = await run(42);
    expect(again.faults.injected).toEqual(first.faults.injected);
    const other = await run(43);
    expect(other.faults.injected).not.toEqual(first.faults.injected);
  });

  test('the join is exact and every injected fault shows up as its client outcome', () => {
    const { join, outcomes, injected, unexplained, summary } = first.faults;
    expect(join).toMatchObject({
      exact: true,
      matched: N,
      logOnly: 0,
      answeredNotLogged: 0,
      unidentified: 0,
      duplicates: 0,
    });
    // A held request ends as a client timeout, or as cancelled when the run ends first.
    expect((outcomes.timeout.timeout ?? 0) + (outcomes.timeout.cancelled ?? 0)).toBe(
      injected.timeout,
    );
    expect(outcomes.timeout.cancelled ?? 0).toBeLessThanOrEqual(20);
    // On a busy 2-core machine a starved request can also time out before the proxy acts on it:
    // those show as timeouts, never as another outcome.
    const only = (name: string, expected: string) => {
      expect(
        Object.keys(outcomes[name]).filter((o) => o !== expected && o !== 'timeout'),
        name,
      ).toEqual([]);
      expect(outcomes[name][expected as 'ok'] ?? 0, name).toBeGreaterThan(0.9 * injected[name]);
    };
    only('reset', 'error');
    only('status', 'http-error');
    only('latency', 'ok');
    only('slowBody', 'ok');
    only('none', 'ok');
    expect(unexplained.total).toBe(unexplained.timeouts);
    expect(summary).toMatchObject({
      timeouts: first.requests.timeouts,
      networkErrors: first.requests.errors,
      serverErrors: first.requests.httpErrors,
      clientErrors: 0,
    });
    expect(summary.slowResponses).toBe((outcomes.latency.ok ?? 0) + (outcomes.slowBody.ok ?? 0));
  });

  test('the run is resilient, and its message lists the breakdown', () => {
    expect(first).toBeResilient({ minSuccessRate: 0.8 });
    expect(() => expect(first).not.toBeResilient()).toThrow(
      /injected: latency \d+, slowBody \d+, (status|timeout|reset) \d+, .*join exact/,
    );
  });
});
