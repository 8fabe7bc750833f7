import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, type FaultOptions } from '../../src/chaos/index.js';
import { BIG_BODY, startUpstream, type Upstream } from './helpers/upstream.js';
import { fetchThrough } from './helpers/fetch-through.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

/** A proxy where every request gets `fault` (rate 1); closed after `use`. */
async function withFault<T>(
  fault: FaultOptions,
  use: (
    url: string,
    log: () => ReturnType<Awaited<ReturnType<typeof chaosProxy>>['log']>,
  ) => Promise<T>,
): Promise<T> {
  const proxy = await chaosProxy({ target: upstream.url, faults: [fault], seed: 7 });
  try {
    return await use(proxy.url, proxy.log);
  } finally {
    await proxy.close();
  }
}

describe('faults, one at a time (rate 1)', () => {
  test('latency delays the answer by at least ms - jitterMs, then forwards it', async () => {
    await withFault({ type: 'latency', rate: 1, ms: 60, jitterMs: 20 }, async (url, log) => {
      const res = await fetchThrough(`${url}/big`, { id: 'lat-1' });
      expect(res.body!.equals(BIG_BODY)).toBe(true);
      expect(log()[0]).toMatchObject({
        fault: 'latency',
        faultType: 'latency',
        status: 200,
        end: 'answered',
      });
      expect(log()[0].durationMs).toBeGreaterThanOrEqual(39);
    });
  });

  test('timeout never answers: the client gives up and the log says so', async () => {
    await withFault({ type: 'timeout', rate: 1 }, async (url, log) => {
      const res = await fetchThrough(`${url}/`, { id: 'to-1', timeoutMs: 100 });
      expect(res.error).toBe('timeout');
      await expect.poll(() => log()[0].end).toBe('client-closed');
      expect(log()[0].status).toBeUndefined();
    });
  });

  test('reset destroys the connection: a network error', async () => {
    await withFault({ type: 'reset', rate: 1 }, async (url, log) => {
      const res = await fetchThrough(`${url}/`, { id: 'rst-1' });
      expect(res.error).toBe('ECONNRESET');
      expect(log()[0]).toMatchObject({ id: 'rst-1', fault: 'reset', end: 'reset' });
      expect(upstream.seen.some((r) => r.headers['x-request-id'] === 'rst-1')).toBe(false);
    });
  });

  test('status answers instead of forwarding, with its headers', async () => {
    await withFault(
      { type: 'status', rate: 1, code: 503, body: 'later', headers: { 'Retry-After': '2' } },
      async (url, log) => {
        const res = await fetchThrough(`${url}/`, { id: 'st-1' });
        expect(res).toMatchObject({ status: 503 });
        expect(res.body!.toString()).toBe('later');
        expect(res.headers!['retry-after']).toBe('2');
        expect(log()[0]).toMatchObject({
          fault: 'status',
          status: 503,
          retryAfter: '2',
          end: 'answered',
        });
        expect(log()[0].upstreamStatus).toBeUndefined();
        expect(upstream.seen.some((r) => r.headers['x-request-id'] === 'st-1')).toBe(false);
      },
    );
  });

  test('slowBody trickles the body, byte-identical, no faster than bytesPerSecond', async () => {
    await withFault({ type: 'slowBody', rate: 1, bytesPerSecond: 20_000 }, async (url, log) => {
      const res = await fetchThrough(`${url}/chunked`, { id: 'slow-1' });
      expect(res.body!.equals(BIG_BODY.subarray(0, 8000))).toBe(true);
      // 8000 bytes in slices of 2000 at 20 000 B/s: the last slice is due 0.3 s after the first.
      expect(log()[0].durationMs).toBeGreaterThanOrEqual(290);
    });
  });

  test('slowBody cut short by the client ends as client-closed', async () => {
    await withFault({ type: 'slowBody', rate: 1, bytesPerSecond: 1000 }, async (url, log) => {
      const res = await fetchThrough(`${url}/big`, { id: 'slow-2', timeoutMs: 150 });
      expect(res.error).toBeDefined();
      await expect.poll(() => log()[0].end).toBe('client-closed');
    });
  });
});
