import { describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import { parseDurationMs } from '../../src/options/duration.js';
import { StressError } from '../../src/errors.js';
import type { LoadOptions } from '../../src/options/load-options.js';

const target = 'http://127.0.0.1:3000';

function codeOf(fn: () => unknown): { code: string; message: string; field?: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StressError);
    return error as { code: string; message: string; field?: string };
  }
  throw new Error('expected an error');
}

describe('durations', () => {
  test.each([
    [500, 500],
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
  ])('%s → %d ms', (input, ms) => {
    expect(parseDurationMs(input, 'duration')).toBe(ms);
  });
  test.each(['5 minutes', '-1s', '', 'abc', -5, 0, Number.NaN])(
    '%s is refused naming the field',
    (input) => {
      const e = codeOf(() => parseDurationMs(input, 'duration'));
      expect(e.code).toBe('ERR_STRESS_INVALID_OPTION');
      expect(e.message).toMatch(/^invalid option "duration": got .*, expected a duration/);
    },
  );
});

describe('load() options', () => {
  test('defaults: 10 users, 10 s, 10 s timeout, GET /, x-request-id', () => {
    const o = validateLoadOptions({ target });
    expect(o).toMatchObject({
      model: 'closed',
      users: 10,
      durationMs: 10_000,
      timeoutMs: 10_000,
      requestIdHeader: 'x-request-id',
    });
    expect(o.scenarios).toEqual([
      { name: 'default', weight: 1, method: 'GET', path: '/', headers: {}, body: undefined },
    ]);
    expect(o.requestIdPrefix).toMatch(/^vs-[0-9a-f]{8}-$/);
  });

  test.each<[string, Partial<LoadOptions>, string, RegExp]>([
    ['users 0', { users: 0 }, 'users', /expected an integer >= 1/],
    ['users 2.5', { users: 2.5 }, 'users', /got 2.5/],
    ['negative rate', { rate: -3 }, 'rate', /a number > 0/],
    ['users and rate', { users: 3, rate: 10 }, 'rate', /either users .* or rate/],
    [
      'duration and requests',
      { duration: '1s', requests: 10 },
      'requests',
      /either duration or requests/,
    ],
    ['bad timeout', { timeout: 'soon' }, 'timeout', /a duration/],
    ['empty scenarios', { scenarios: [] }, 'scenarios', /non-empty array/],
    [
      'scenario weight 0',
      { scenarios: [{ name: 'a', weight: 0 }] },
      'scenarios[0].weight',
      /a number > 0/,
    ],
    [
      'duplicate scenario names',
      { scenarios: [{ name: 'a' }, { name: 'a' }] },
      'scenarios[1].name',
      /a name no other scenario has/,
    ],
    [
      'bad method',
      { scenarios: [{ name: 'a', method: 'FETCH' }] },
      'scenarios[0].method',
      /one of GET, HEAD, POST/,
    ],
    [
      'path without slash',
      { scenarios: [{ name: 'a', path: 'api' }] },
      'scenarios[0].path',
      /starting with '\/'/,
    ],
    [
      'GET with body',
      { scenarios: [{ name: 'a', body: { x: 1 } }] },
      'scenarios[0].body',
      /no body with GET/,
    ],
    [
      'bad header name',
      { headers: { 'bad header': 'x' } },
      'headers.bad header',
      /valid HTTP header name/,
    ],
    [
      'header value with CRLF',
      { headers: { 'x-a': 'ok\r\nx-injected: 1' } },
      'headers.x-a',
      /without CR, LF or NUL/,
    ],
    [
      'scenario header value with LF',
      { scenarios: [{ name: 'a', headers: { 'x-b': 'a\nb' } }] },
      'scenarios[0].headers.x-b',
      /without CR, LF or NUL/,
    ],
    [
      'target not a URL',
      { target: 'localhost:3000' },
      'target',
      /http\(s\) base URL|http: or https:/,
    ],
    [
      'think time min > max',
      { thinkTime: { min: '5s', max: '1s' } },
      'thinkTime.min',
      /no greater than thinkTime.max/,
    ],
    [
      'stage without duration',
      { stages: [{ users: 5 } as never] },
      'stages[0].duration',
      /a duration/,
    ],
    [
      'stage with users and rate',
      { stages: [{ duration: '1s', users: 5, rate: 10 }] },
      'stages[0]',
      /either users or rate/,
    ],
    ['engine unknown', { engine: 'k6' as never }, 'engine', /'auto', 'autocannon' or 'undici'/],
  ])('%s → ERR_STRESS_INVALID_OPTION naming %s', (_label, patch, field, allowed) => {
    const e = codeOf(() => validateLoadOptions({ target, ...patch } as LoadOptions));
    expect(e.code).toBe('ERR_STRESS_INVALID_OPTION');
    expect(e.field).toBe(field);
    expect(e.message).toContain(`invalid option "${field}"`);
    expect(e.message).toMatch(allowed);
  });

  test('an unknown key is refused with the closest valid name', () => {
    const e = codeOf(() => validateLoadOptions({ target, usres: 5 } as never));
    expect(e.code).toBe('ERR_STRESS_UNKNOWN_OPTION');
    expect(e.message).toBe('unknown option "usres" in load() options; did you mean "users"?');
    const s = codeOf(() =>
      validateLoadOptions({ target, scenarios: [{ name: 'a', wieght: 2 }] } as never),
    );
    expect(s.message).toBe('unknown option "wieght" in scenarios[0]; did you mean "weight"?');
  });

  test('a non-loopback target is refused unless allowed', () => {
    for (const remote of ['http://10.0.0.5:80', 'http://example.com', 'http://[2001:db8::1]:80']) {
      const e = codeOf(() => validateLoadOptions({ target: remote }));
      expect(e.code).toBe('ERR_STRESS_REMOTE_TARGET');
      expect(e.message).toMatch(/allowRemote: true or set VITEST_STRESS_ALLOW_REMOTE=1/);
    }
    expect(
      validateLoadOptions({ target: 'http://example.com', allowRemote: true }).target.hostname,
    ).toBe('example.com');
    for (const local of [
      'http://127.0.0.1:1',
      'http://127.1.2.3:1',
      'http://localhost:1',
      'http://[::1]:1',
    ]) {
      expect(() => validateLoadOptions({ target: local })).not.toThrow();
    }
  });

  test('VITEST_STRESS_ALLOW_REMOTE=1 allows a remote target', () => {
    process.env.VITEST_STRESS_ALLOW_REMOTE = '1';
    try {
      expect(validateLoadOptions({ target: 'http://192.0.2.1' }).target.hostname).toBe('192.0.2.1');
    } finally {
      delete process.env.VITEST_STRESS_ALLOW_REMOTE;
    }
  });

  test('load() rejects bad options before sending anything', async () => {
    await expect(load({ target, users: -1 })).rejects.toMatchObject({
      code: 'ERR_STRESS_INVALID_OPTION',
      field: 'users',
    });
    await expect(load({ target: 'http://203.0.113.9' })).rejects.toMatchObject({
      code: 'ERR_STRESS_REMOTE_TARGET',
    });
  });
});
