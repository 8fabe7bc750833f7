import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.js';
import { load } from '../../src/load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

const target = 'http://127.0.0.1:3000';

function refusal(options: Record<string, unknown>): InvalidOptionError {
  try {
    validateLoadOptions({ target, ...options } as LoadOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return error as InvalidOptionError;
  }
  throw new Error('expected the options to be refused');
}

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;

describe('options no timer or encoder can honour are refused up front', () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'a duration past the 2^31 ms timer limit',
      { duration: '597h' },
      'duration',
      /at most 2147483647 ms/,
    ],
    ['a duration of 2^31 ms exactly', { duration: 2 ** 31 }, 'duration', /at most 2147483647 ms/],
    [
      'stages that last past the timer limit in all',
      {
        stages: [
          { duration: '500h', users: 1 },
          { duration: '100h', users: 1 },
        ],
      },
      'stages',
      /at most 2147483647 ms in all/,
    ],
    ['a timeout of 2^31 ms', { timeout: 2 ** 31 }, 'timeout', /at most 2147483647 ms/],
    ['a timeout below 1 ms', { timeout: 0.5 }, 'timeout', /at least 1 ms/],
    ["a timeout of '0.9ms'", { timeout: '0.9ms' }, 'timeout', /at least 1 ms/],
    [
      'a client-chaos timeout below 1 ms',
      { engine: 'undici', clientTimeout: { rate: 0.5, timeout: 0.2 } },
      'clientTimeout.timeout',
      /at least 1 ms/,
    ],
    [
      'a circular body object',
      { scenarios: [{ name: 'a', method: 'POST', body: circular }] },
      'scenarios[0].body',
      /JSON.stringify can encode/,
    ],
    [
      'a body with a BigInt',
      { scenarios: [{ name: 'a', method: 'POST', body: { n: 1n } }] },
      'scenarios[0].body',
      /no cycles, no BigInt/,
    ],
    ['a header value beyond Latin-1', { headers: { 'x-odd': 'ok ✓' } }, 'headers.x-odd', /Latin-1/],
    [
      'a scenario header value beyond Latin-1',
      { scenarios: [{ name: 'a', headers: { 'x-emoji': '🙂' } }] },
      'scenarios[0].headers.x-emoji',
      /Latin-1/,
    ],
    [
      'a header value with a control character',
      { headers: { 'x-bell': 'a\u0007b' } },
      'headers.x-bell',
      /Latin-1/,
    ],
    [
      'a path with a space',
      { scenarios: [{ name: 'a', path: '/a b' }] },
      'scenarios[0].path',
      /printable ASCII/,
    ],
    [
      'a path beyond ASCII',
      { scenarios: [{ name: 'a', path: '/café' }] },
      'scenarios[0].path',
      /percent-encode/,
    ],
  ])('%s → ERR_STRESS_INVALID_OPTION', (_label, options, field, allowed) => {
    const error = refusal(options);
    expect(error.code).toBe('ERR_STRESS_INVALID_OPTION');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(allowed);
  });

  test('the limits themselves are accepted: 2^31 - 1 ms, a 1 ms timeout, Latin-1 header text', () => {
    const o = validateLoadOptions({
      target,
      duration: 2 ** 31 - 1,
      timeout: 1,
      headers: { 'x-name': 'Café\tcrème' },
    });
    expect(o.durationMs).toBe(2 ** 31 - 1);
    expect(o.timeoutMs).toBe(1);
    expect(o.headers['x-name']).toBe('Café\tcrème');
  });
});

describe('on the wire', () => {
  let server: FixtureServer;
  const seen: { url: string; name: string | undefined }[] = [];
  beforeAll(async () => {
    server = await startServer((req, res) => {
      seen.push({ url: req.url ?? '', name: req.headers['x-name'] as string | undefined });
      res.end('ok');
    });
  });
  afterAll(() => server.close());

  test.each(['autocannon', 'undici'] as const)(
    '%s: Latin-1 header text arrives as sent',
    async (engine) => {
      seen.length = 0;
      const run = await load({
        target: server.url,
        engine,
        users: 1,
        requests: 2,
        progress: false,
        headers: { 'x-name': 'Café' },
      });
      expect(run.requests.ok).toBe(2);
      expect(seen.map((s) => s.name)).toEqual(['Café', 'Café']);
    },
  );

  test.each(['autocannon', 'undici'] as const)(
    "%s: the target's query string is kept, after the scenario's own",
    async (engine) => {
      seen.length = 0;
      for (const path of ['/p', '/q?a=1']) {
        const run = await load({
          target: `${server.url}/base?k=v`,
          engine,
          users: 1,
          requests: 1,
          progress: false,
          scenarios: [{ name: 's', path }],
        });
        expect(run.requests.ok).toBe(1);
      }
      expect(seen.map((s) => s.url)).toEqual(['/base/p?k=v', '/base/q?a=1&k=v']);
    },
  );

  test.each([
    ['autocannon', { users: 1 }],
    ['undici', { users: 1 }],
    ['open model', { rate: 20 }],
  ] as const)(
    '%s: a body function returning a circular object ends each request as a one-line error',
    async (_engine, mode) => {
      const run = await load({
        target: server.url,
        ...mode,
        duration: '300ms',
        progress: false,
        ...(_engine === 'undici'
          ? { engine: 'undici' }
          : _engine === 'autocannon'
            ? { engine: 'autocannon' }
            : {}),
        scenarios: [{ name: 'c', method: 'POST', body: () => circular }],
      } as LoadOptions);
      expect(run.requests.errors).toBe(run.requests.total);
      expect(run.errors[0].message).toMatch(
        /^body function threw: its result cannot be sent as JSON \(Converting circular structure to JSON[^\n]*\)$/,
      );
    },
  );
});
