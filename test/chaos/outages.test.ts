import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, withFaults } from '../../src/chaos/index.js';
import { load } from '../../src/load.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

describe('down() / up()', () => {
  test('an outage window resets requests and shows in the timeline seconds', async () => {
    const proxy = await chaosProxy({ target: upstream.url, seed: 1 });
    const timers = [setTimeout(() => proxy.down(), 1200), setTimeout(() => proxy.up(), 1800)];
    const result = withFaults(
      await load({ target: proxy.url, users: 4, duration: '3s', timeout: 1000, progress: false }),
      proxy,
    );
    timers.forEach(clearTimeout);
    await proxy.close();

    const [outage, ...more] = result.faults.outages;
    expect(more).toHaveLength(0);
    expect(outage.toS).not.toBeNull();
    expect(outage.toS!).toBeGreaterThan(outage.fromS);
    expect(outage.seconds).toEqual(
      result.timeline.filter((e) => e.t < outage.toS! && e.t + 1 > outage.fromS).map((e) => e.t),
    );
    expect(outage.requests).toBeGreaterThan(0);

    // Every failure is an outage reset, in the seconds the window touches, and nowhere else.
    expect(result.faults.outcomes.down).toEqual({ error: result.faults.injected.down });
    expect(result.faults.unexplained.total).toBe(0);
    // The client counts a reset when it sees it, a moment after the proxy sent it: allow 100 ms.
    const near = (t: number) => t < outage.toS! + 0.1 && t + 1 > outage.fromS - 0.1;
    for (const second of result.timeline) {
      expect(result.faults.timeline.find((f) => f.t === second.t)!.down).toBe(
        outage.seconds.includes(second.t),
      );
      if (!near(second.t)) expect(second.errors, `second ${second.t}`).toBe(0);
    }
    expect(result.timeline.filter((e) => near(e.t)).reduce((sum, e) => sum + e.errors, 0)).toBe(
      result.requests.errors,
    );
    expect(proxy.outages()[0].requests).toBe(outage.requests);
    // The proxy's log says what it did to each of them: a reset.
    const down = proxy.log().filter((e) => e.fault === 'down');
    expect(down).toHaveLength(outage.requests);
    expect(new Set(down.map((e) => e.end))).toEqual(new Set(['reset']));
  });

  test('down() twice keeps one window; up() without down() does nothing', async () => {
    const proxy = await chaosProxy({ target: upstream.url });
    proxy.up();
    proxy.down();
    proxy.down();
    expect(proxy.stats().down).toBe(true);
    proxy.up();
    expect(proxy.outages()).toHaveLength(1);
    expect(proxy.stats().down).toBe(false);
    await proxy.close();
  });
});
