import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy } from '../../src/chaos/index.js';
import { InvalidOptionError } from '../../src/errors.js';
import { load } from '../../src/load.js';
import { fetchThrough } from './helpers/fetch-through.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

describe('status faults', () => {
  test.each([100, 101, 103, 199])(
    'code %i (informational, not an answer) is refused naming the field',
    async (code) => {
      const refused = chaosProxy({
        target: upstream.url,
        faults: [{ type: 'status', rate: 1, code }],
      });
      await expect(refused).rejects.toBeInstanceOf(InvalidOptionError);
      await expect(refused).rejects.toMatchObject({
        code: 'ERR_STRESS_INVALID_OPTION',
        field: 'faults[0].code',
      });
    },
  );

  test.each([204, 304])('%i is sent without a body or Content-Length', async (code) => {
    const proxy = await chaosProxy({
      target: upstream.url,
      faults: [{ type: 'status', rate: 1, code }],
      seed: 1,
    });
    try {
      const res = await fetchThrough(`${proxy.url}/`);
      expect(res.status).toBe(code);
      expect(res.headers?.['content-length']).toBeUndefined();
      expect(res.body?.length).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  test.each([
    [204, 'autocannon'],
    [304, 'autocannon'],
    [204, 'undici'],
    [304, 'undici'],
  ] as const)(
    '%i on keep-alive connections (%s): every answer counted under its status, no errors',
    async (code, engine) => {
      const proxy = await chaosProxy({
        target: upstream.url,
        faults: [{ type: 'status', rate: 1, code }],
        seed: 1,
      });
      try {
        const run = await load({
          target: proxy.url,
          engine,
          users: 2,
          requests: 10,
          timeout: '2s',
          progress: false,
        });
        expect(run.statusCodes).toEqual({ [code]: 10 });
        expect(run.requests.errors + run.requests.timeouts).toBe(0);
      } finally {
        await proxy.close();
      }
    },
  );

  test('a fault named "__proto__" is counted like any other', async () => {
    const proxy = await chaosProxy({
      target: upstream.url,
      faults: [{ type: 'status', rate: 1, code: 503, name: '__proto__' }],
      seed: 1,
    });
    try {
      await fetchThrough(`${proxy.url}/`);
      await fetchThrough(`${proxy.url}/`);
      const { injected } = proxy.stats();
      expect(Object.hasOwn(injected, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(injected, '__proto__')?.value).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  test('a target with a query string is refused, not silently dropped', async () => {
    await expect(chaosProxy({ target: `${upstream.url}/base?k=v` })).rejects.toMatchObject({
      code: 'ERR_STRESS_INVALID_OPTION',
      field: 'target',
    });
  });

  test('the message says the real sum of rates', () => {
    const faults = [
      { type: 'status', rate: 0.5000001, code: 500 },
      { type: 'reset', rate: 0.5, name: 'r' },
    ] as const;
    const refused = chaosProxy({ target: upstream.url, faults: faults as never });
    return expect(refused).rejects.toThrow('got 1.0000001, expected rates that sum to at most 1');
  });
});
