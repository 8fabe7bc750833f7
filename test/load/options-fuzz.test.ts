import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { StressError } from '../../src/errors.js';
import { load } from '../../src/load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

// A seeded fuzz of load()'s options surface (issue 9): random option objects, bodies and header
// values. Each either throws a coded StressError naming a field, or resolves with every request
// counted once within its duration + 2 s; never a hang, a crash or an unhandled rejection.

// Seeded for repeatable runs; FUZZ_SEED=<n> explores other inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = 60;

let server: FixtureServer;
beforeAll(async () => {
  server = await okServer();
});
afterAll(() => server.close());

const circular: Record<string, unknown> = {};
circular.self = circular;

/** Mostly one of `valid`, now and then one of `invalid`. */
function mostly(valid: unknown[], invalid: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 15 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );
}

const duration = mostly(
  ['100ms', '250ms', 150, 200],
  [0, -1, '1 s', 'abc', '597h', 2 ** 31, Number.NaN, null],
);
const headerValue = fc.oneof(
  { arbitrary: fc.string({ maxLength: 8 }), weight: 12 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>('Café', 'ok ✓', 'a\r\nb', 7, null), weight: 1 },
);
const headerName = mostly(
  ['x-a', 'X-B', 'x-request-tag', 'accept'],
  ['bad name', '', '__proto__', 'x:y'],
);
const headers = fc.oneof(
  {
    arbitrary: fc.dictionary(headerName as fc.Arbitrary<string>, headerValue, { maxKeys: 2 }),
    weight: 15,
  },
  { arbitrary: fc.constantFrom<unknown>('x', null, []), weight: 1 },
);
const thrower = (value: unknown) => () => {
  throw value;
};
const body = fc.constantFrom<unknown>(
  'plain',
  '{"a":1}',
  { a: [1, 2] },
  () => ({ ok: true }),
  () => 'text',
  () => undefined,
  circular,
  { n: 1n },
  5,
  () => circular,
  () => ({ n: 1n }),
  thrower(new Error('boom')),
  thrower('str'),
  thrower(undefined),
  thrower(null),
  thrower(Object.create(null)),
);
const getScenario = fc.record(
  {
    name: mostly(['a', 'b', 'c', '__proto__'], ['', 7]),
    weight: mostly([1, 3, 0.5], [0, -1, 'x']),
    path: mostly(['/', '/p?x=1', '/q'], ['no-slash', '/a b', '/é', 5]),
    headers,
  },
  { requiredKeys: ['name'] },
);
const postScenario = fc.record(
  {
    name: mostly(['d', 'e', 'constructor'], ['']),
    method: mostly(['POST', 'put'], ['FETCH', 1]),
    path: mostly(['/', '/submit'], ['x']),
    headers,
    body,
  },
  { requiredKeys: ['name', 'method', 'body'] },
);
const scenarios = fc.oneof(
  {
    // Distinct names (a repeated name is refused, and would be nearly every time from small sets).
    arbitrary: fc
      .array(fc.oneof(getScenario, postScenario), { minLength: 1, maxLength: 3 })
      .map((list) =>
        list.map((sc, i) =>
          typeof sc.name === 'string' && sc.name !== '' ? { ...sc, name: `${sc.name}${i}` } : sc,
        ),
      ),
    weight: 15,
  },
  { arbitrary: fc.constantFrom<unknown>([], 'x', null), weight: 1 },
);
const shared = {
  timeout: mostly(['1s', 500, 2], [0.5, '0.2ms', 0, 'soon']),
  headers,
  scenarios,
  seed: mostly([1, 0, 42], [-1, 1.5]),
};
// One workload model per option object, each field present or not; valid values dominate so that
// a fair share of the objects run, and the rest are refused for one reason or another.
const closed = fc.record(
  {
    users: mostly([1, 2, 5], [0, -5, 2.5]),
    duration,
    engine: mostly(['auto', 'autocannon', 'undici'], ['k6']),
    thinkTime: mostly(['10ms', 0, { min: 0, max: '20ms' }], [{ min: '50ms', max: '10ms' }]),
    clientTimeout: mostly(
      [{ rate: 0.5, timeout: '50ms' }],
      [
        { rate: 2, timeout: '1s' },
        { rate: 0.1, timeout: 0.1 },
      ],
    ),
    ...shared,
  },
  { requiredKeys: ['users', 'duration'] },
);
const counted = fc.record(
  {
    users: mostly([1, 3], [0]),
    requests: mostly([1, 5, 20], [0, 1.5]),
    engine: mostly(['autocannon', 'undici'], ['x']),
    ...shared,
  },
  { requiredKeys: ['requests'] },
);
const open = fc.record(
  {
    rate: mostly([10, 40], [0, -1, Number.POSITIVE_INFINITY]),
    duration,
    maxInFlight: mostly([1, 100], [0]),
    ...shared,
  },
  { requiredKeys: ['rate', 'duration'] },
);
const staged = fc.record(
  {
    stages: mostly(
      [[{ duration: '150ms', users: 2 }], [{ duration: '150ms', rate: 20, ramp: true }]],
      [[{ duration: '1s' }], [], [{ duration: '150ms', users: 0 }]],
    ),
    ...shared,
  },
  { requiredKeys: ['stages'] },
);
/** Now and then one out-of-place key on top: a mix of models, an https option on http, a typo. */
const spoiler = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  {
    arbitrary: fc.constantFrom<Record<string, unknown>>(
      { users: 3, rate: 5 },
      { tls: { rejectUnauthorized: false } },
      { usres: 1 },
      { requestIdPrefix: 'with space' },
      { duration: '1s', requests: 3 },
    ),
    weight: 1,
  },
);
const options = fc
  .tuple(fc.oneof(closed, counted, open, staged), spoiler)
  .map(([o, extra]) => ({ ...(o as object), ...(extra ?? {}) }));

/** How long a run that was accepted may take at most: its planned time + 2 s. */
function boundMs(o: Record<string, unknown>): number {
  const planned =
    typeof o.duration === 'number'
      ? o.duration
      : typeof o.duration === 'string'
        ? Number.parseFloat(o.duration)
        : 0;
  const stages = Array.isArray(o.stages) ? o.stages.length * 150 : 0;
  const think = o.requests !== undefined && o.thinkTime !== undefined ? Number(o.requests) * 50 : 0;
  return Math.min(planned, 60_000) + stages + think + 2000;
}

test('load() options fuzz: a coded error naming a field, or a result with every request counted, on time', async () => {
  const unhandled: unknown[] = [];
  const outcomes = { refused: 0, ran: 0 };
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await fc.assert(
      fc.asyncProperty(options, async (raw) => {
        const o = { ...(raw as Record<string, unknown>), target: server.url, progress: false };
        const started = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<'hung'>(
          (resolve) => (timer = setTimeout(() => resolve('hung'), boundMs(o) + 3000)),
        );
        let outcome: Awaited<ReturnType<typeof load>> | 'hung';
        try {
          outcome = await Promise.race([load(o as unknown as LoadOptions), hung]);
        } catch (error) {
          expect(error).toBeInstanceOf(StressError);
          const field = (error as { field?: string }).field;
          expect(typeof field).toBe('string');
          expect((error as Error).message).toContain(`"${field}"`);
          outcomes.refused++;
          return;
        } finally {
          clearTimeout(timer);
        }
        expect(outcome).not.toBe('hung');
        const run = outcome as Awaited<ReturnType<typeof load>>;
        const r = run.requests;
        expect(r.total).toBe(r.ok + r.failed + r.cancelled);
        expect(performance.now() - started).toBeLessThan(boundMs(o));
        outcomes.ran++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(unhandled).toEqual([]);
    // A fuzz that only ever got refused (or only ever ran) would test half the surface.
    expect(outcomes.refused).toBeGreaterThanOrEqual(RUNS / 10);
    expect(outcomes.ran).toBeGreaterThanOrEqual(RUNS / 10);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}, 300_000);
