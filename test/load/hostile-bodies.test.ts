import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await okServer();
});
afterAll(() => server.close());

// Each engine, as the options select it: autocannon (plain closed), undici users, open model.
const ENGINES: [string, Partial<LoadOptions>][] = [
  ['autocannon', { users: 2, engine: 'autocannon' }],
  ['undici users', { users: 2, engine: 'undici' }],
  ['undici users with think time', { users: 2, engine: 'undici', thinkTime: '20ms' }],
  ['open model', { rate: 50 }],
];

/* eslint-disable @typescript-eslint/only-throw-error -- throwing non-Errors is what these bodies test */
const THROWN: [string, () => never][] = [
  [
    'an Error',
    () => {
      throw new Error('boom');
    },
  ],
  [
    'a string',
    () => {
      throw 'boom';
    },
  ],
  [
    'undefined',
    () => {
      throw undefined;
    },
  ],
  [
    'null',
    () => {
      throw null;
    },
  ],
  [
    'an object without a prototype',
    () => {
      throw Object.create(null);
    },
  ],
];
/* eslint-enable @typescript-eslint/only-throw-error */

const EXPECTED_TEXT: Record<string, string> = {
  'an Error': 'boom',
  'a string': 'boom',
  undefined: 'undefined',
  null: 'null',
  'an object without a prototype': '[object Object]',
};

describe('a body function that throws ends each request as an error; the run ends on time', () => {
  for (const [engine, options] of ENGINES) {
    test.each(THROWN)(`${engine}: throwing %s`, async (what, body) => {
      const run = await load({
        target: server.url,
        duration: '400ms',
        progress: false,
        ...options,
        scenarios: [{ name: 'x', method: 'POST', path: '/p', body }],
      } as LoadOptions);
      const r = run.requests;
      expect(r.total).toBeGreaterThan(0);
      expect(r.errors).toBe(r.total);
      expect(r.ok + r.failed + r.cancelled).toBe(r.total);
      expect(run.errors[0].message).toBe(`body function threw: ${EXPECTED_TEXT[what]}`);
    });
  }

  test('an aborted run with an always-throwing body stops (undici users, think time)', async () => {
    const controller = new AbortController();
    const running = load({
      target: server.url,
      users: 2,
      engine: 'undici',
      thinkTime: '10ms',
      duration: '1h',
      progress: false,
      signal: controller.signal,
      scenarios: [
        {
          name: 'x',
          method: 'POST',
          path: '/p',
          body: () => {
            throw new Error('boom');
          },
        },
      ],
    });
    setTimeout(() => controller.abort(), 200);
    const run = await running;
    expect(run.requests.errors).toBeGreaterThan(0);
    expect(run.warnings.join('\n')).toMatch(/aborted/);
  });
});

describe('user strings as names never touch a prototype', () => {
  test('scenarios and stages named "__proto__" and "constructor" each get their own summary', async () => {
    const run = await load({
      target: server.url,
      engine: 'undici',
      progress: false,
      seed: 3,
      stages: [
        { name: '__proto__', duration: '150ms', users: 1 },
        { name: 'constructor', duration: '150ms', users: 1 },
      ],
      scenarios: [
        { name: '__proto__', path: '/a' },
        { name: 'constructor', path: '/b' },
      ],
    });
    expect(Object.keys(run.scenarios).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(run.phases)).toEqual(['__proto__', 'constructor']);
    expect(
      run.scenario('__proto__').requests.total + run.scenario('constructor').requests.total,
    ).toBe(run.requests.total);
    expect(run.phase('__proto__').requests.total).toBeGreaterThan(0);
    expect(() => run.scenario('toString')).toThrow(/got "toString", expected one of /);
    expect(() => run.phase('hasOwnProperty')).toThrow('expected one of __proto__, constructor');
  });
});
