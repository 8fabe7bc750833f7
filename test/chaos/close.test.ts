import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy } from '../../src/chaos/index.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';
import { fetchThrough } from './helpers/fetch-through.js';

let upstream: Upstream;
/** TCP sockets of this process before any proxy or upstream existed. */
let socketsAtStart = 0;
beforeAll(async () => {
  socketsAtStart = handles('TCPSocketWrap');
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

/** Handles of a kind that are alive now (TCP sockets, servers, timers). */
function handles(kind: string): number {
  return process.getActiveResourcesInfo().filter((r) => r === kind).length;
}

describe('close()', () => {
  test('ends held and trickling requests and leaves no sockets or timers behind', async () => {
    const before = {
      sockets: handles('TCPSocketWrap'),
      servers: handles('TCPServerWrap'),
      timers: handles('Timeout'),
    };
    const proxy = await chaosProxy({
      target: upstream.url,
      seed: 3,
      faults: [
        { type: 'timeout', rate: 0.5 },
        { type: 'slowBody', rate: 0.5, bytesPerSecond: 100 },
      ],
    });
    const pending = Array.from({ length: 10 }, (_, i) =>
      fetchThrough(`${proxy.url}/big`, { id: `c-${i}`, timeoutMs: 30_000 }),
    );
    await expect.poll(() => proxy.stats().inFlight).toBe(10);
    expect(proxy.stats().connections).toBe(10);

    await proxy.close();
    const results = await Promise.all(pending);
    expect(results.every((r) => r.error !== undefined)).toBe(true);
    expect(proxy.stats()).toMatchObject({ inFlight: 0, connections: 0 });
    expect(proxy.log().every((e) => e.end === 'proxy-closed' || e.end === 'client-closed')).toBe(
      true,
    );
    await expect
      .poll(() => ({
        sockets: handles('TCPSocketWrap'),
        servers: handles('TCPServerWrap'),
        timers: handles('Timeout'),
      }))
      .toEqual(before);
  });

  test('close() twice is fine, and a closed proxy refuses connections', async () => {
    const proxy = await chaosProxy({ target: upstream.url });
    await fetchThrough(`${proxy.url}/`);
    await Promise.all([proxy.close(), proxy.close()]);
    const res = await fetchThrough(`${proxy.url}/`);
    expect(res.error).toBe('ECONNREFUSED');
  });

  test('the keep-alive pool to the upstream is closed too', async () => {
    // Baseline before the proxy exists (once the earlier tests' sockets have closed): after
    // close() every socket it caused (its pool to the upstream and the upstream's ends) is gone.
    await expect.poll(() => handles('TCPSocketWrap')).toBe(socketsAtStart);
    const before = socketsAtStart;
    const proxy = await chaosProxy({ target: upstream.url });
    await Promise.all(Array.from({ length: 5 }, () => fetchThrough(`${proxy.url}/`)));
    expect(handles('TCPSocketWrap')).toBeGreaterThan(before); // the pool keeps its connections open
    await proxy.close();
    await expect.poll(() => handles('TCPSocketWrap')).toBe(before);
  });
});
