import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy, type ChaosProxy } from '../../src/chaos/index.js';
import { BIG_BODY, startUpstream, type Upstream } from './helpers/upstream.js';
import { fetchThrough } from './helpers/fetch-through.js';

let upstream: Upstream;
let proxy: ChaosProxy;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await chaosProxy({ target: upstream.url, seed: 1 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('chaosProxy without faults', () => {
  test('listens on 127.0.0.1 at an ephemeral port', () => {
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('a 1 MiB body passes byte-identical', async () => {
    const res = await fetchThrough(`${proxy.url}/big`);
    expect(res.status).toBe(200);
    expect(res.body!.equals(BIG_BODY)).toBe(true);
    expect(res.headers!['content-length']).toBe(String(BIG_BODY.length));
  });

  test('a chunked answer passes byte-identical, still chunked', async () => {
    const res = await fetchThrough(`${proxy.url}/chunked`);
    expect(res.body!.equals(BIG_BODY.subarray(0, 8000))).toBe(true);
    expect(res.headers!['transfer-encoding']).toBe('chunked');
  });

  test('a chunked request body reaches the upstream byte-identical', async () => {
    const body = BIG_BODY.subarray(0, 300_000);
    const res = await fetchThrough(`${proxy.url}/echo`, {
      method: 'POST',
      body,
      headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/octet-stream' },
    });
    expect(res.body!.equals(body)).toBe(true);
  });

  test('end-to-end headers pass both ways; hop-by-hop ones do not', async () => {
    const res = await fetchThrough(`${proxy.url}/headers?q=1`, {
      id: 'hdr-1',
      headers: {
        'x-custom': 'v',
        'keep-alive': 'timeout=5',
        connection: 'keep-alive, x-secret',
        'x-secret': 's',
      },
    });
    expect(res.headers!['x-upstream']).toBe('yes');
    expect(res.headers!['set-cookie']).toEqual(['a=1', 'b=2']);
    const seen = upstream.seen.find((r) => r.headers['x-request-id'] === 'hdr-1')!;
    expect(seen.url).toBe('/headers?q=1');
    expect(seen.headers['x-custom']).toBe('v');
    expect(seen.headers['x-secret']).toBeUndefined();
    expect(seen.headers['keep-alive']).toBeUndefined();
    expect(seen.headers.host).toBe(new URL(upstream.url).host);
  });

  test('logs every request by id with the upstream status and Retry-After', async () => {
    await fetchThrough(`${proxy.url}/busy`, { id: 'busy-1' });
    const entry = proxy.log().find((e) => e.id === 'busy-1')!;
    expect(entry).toMatchObject({
      fault: 'none',
      method: 'GET',
      path: '/busy',
      status: 503,
      upstreamStatus: 503,
      retryAfter: '1',
      end: 'answered',
    });
    expect(entry.receivedAtMs).toBeGreaterThan(Date.now() - 60_000);
  });

  test("the target's base path is kept", async () => {
    const based = await chaosProxy({ target: `${upstream.url}/base/` });
    try {
      await fetchThrough(`${based.url}/x?y=1`, { id: 'based-1' });
      expect(upstream.seen.find((r) => r.headers['x-request-id'] === 'based-1')!.url).toBe(
        '/base/x?y=1',
      );
    } finally {
      await based.close();
    }
  });

  test('an unreachable upstream answers 502 and is logged as upstream-error', async () => {
    const dead = await chaosProxy({ target: 'http://127.0.0.1:1' });
    try {
      const res = await fetchThrough(`${dead.url}/`, { id: 'dead-1' });
      expect(res.status).toBe(502);
      expect(dead.log()[0]).toMatchObject({
        id: 'dead-1',
        fault: 'none',
        status: 502,
        end: 'upstream-error',
      });
    } finally {
      await dead.close();
    }
  });
});
