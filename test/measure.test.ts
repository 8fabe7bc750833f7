import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../src/load.js';
import { measure } from '../src/measure/measure.js';
import type { RunResult } from '../src/contracts/run-result.js';
import { okServer, type FixtureServer } from './helpers/servers.js';

/** CPU work proportional to `n`; returns a value so it cannot be optimised away. */
function work(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x += Math.sqrt(i);
  return x;
}

const keysOf = (value: object) => Object.keys(value).sort();

describe('measure() result shape', () => {
  let server: FixtureServer;
  let http: RunResult;
  beforeAll(async () => {
    server = await okServer();
    http = await load({ target: server.url, users: 2, requests: 20, progress: false });
  });
  afterAll(() => server.close());

  test('has the same keys as a load() result, at every level', async () => {
    const run = await measure(() => work(1000), { iterations: 50, warmup: false });
    expect(keysOf(run)).toEqual(keysOf(http));
    expect(keysOf(run.latency)).toEqual(keysOf(http.latency));
    expect(keysOf(run.requests)).toEqual(keysOf(http.requests));
    expect(keysOf(run.timeline[0])).toEqual(keysOf(http.timeline[0]));
    const [scenario] = Object.values(run.scenarios);
    expect(keysOf(scenario)).toEqual(keysOf(Object.values(http.scenarios)[0]));
  });

  test('says what it measured, and stays plain JSON', async () => {
    const run = await measure(
      function serialize() {
        return JSON.stringify({ a: 1 });
      },
      { iterations: 30, warmup: false },
    );
    expect(run).toMatchObject({
      kind: 'vitest-stress/run',
      model: 'in-process',
      engine: 'tinybench',
      measured: 'call duration (in-process)',
      target: 'in-process:serialize',
      users: 1,
    });
    expect(Object.keys(run.scenarios)).toEqual(['serialize']);
    expect(run.statusCodes).toEqual({});
    expect(run.ledger).toEqual([]);
    const copy = JSON.parse(JSON.stringify(run));
    expect(copy.latency).toEqual(run.latency);
    expect(copy.options).toEqual({ name: 'serialize', durationMs: 0, iterations: 30, warmupMs: 0 });
  });
});

describe('measure() counting', () => {
  test('iterations alone make exactly that many calls; warmup calls are not recorded', async () => {
    let calls = 0;
    const cold = await measure(() => calls++, { iterations: 25, warmup: false });
    expect(calls).toBe(25);
    expect(cold.requests).toMatchObject({ total: 25, ok: 25, failed: 0, cancelled: 0 });
    expect(cold.latency.count).toBe(25);

    calls = 0;
    const warm = await measure(() => calls++, { iterations: 25, warmup: '20ms' });
    expect(calls).toBeGreaterThan(25);
    expect(warm.requests.total).toBe(25);
  });

  test('with a duration, calls go on until it is spent, and the timeline adds up', async () => {
    const run = await measure(() => work(100), {
      duration: '300ms',
      iterations: 10,
      warmup: false,
    });
    expect(run.requests.total).toBeGreaterThanOrEqual(10);
    expect(run.durationMs).toBeGreaterThanOrEqual(300);
    const sum = (key: 'sent' | 'requests' | 'errors') =>
      run.timeline.reduce((s, t) => s + t[key], 0);
    expect(sum('sent')).toBe(run.requests.total);
    expect(sum('requests')).toBe(run.requests.total);
    expect(run.throughput).toBeGreaterThan(0);
  });

  test('a throwing call is an error with its message, and the run goes on', async () => {
    let i = 0;
    const run = await measure(
      () => {
        i++;
        if (i % 4 === 0) throw new Error('model not loaded');
        // measure() must count a thrown non-Error too
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        if (i % 10 === 0) throw 'a string';
        return work(50);
      },
      { iterations: 100, warmup: false },
    );
    expect(run.requests).toMatchObject({
      total: 100,
      ok: 70,
      failed: 30,
      errors: 30,
      httpErrors: 0,
      timeouts: 0,
    });
    expect(run.errors).toEqual([
      { message: 'model not loaded', count: 25 },
      { message: 'a string', count: 5 },
    ]);
    expect(run.errorRate).toBeCloseTo(0.3);
    expect(run.latency.count).toBe(70);
  });

  test('an async function is awaited, one call at a time; a rejection is an error', async () => {
    let i = 0;
    let pending = 0;
    let mostPending = 0;
    const run = await measure(
      async () => {
        mostPending = Math.max(mostPending, ++pending);
        await new Promise((resolve) => setTimeout(resolve, 2));
        pending--;
        if (++i % 5 === 0) throw new Error('upstream said no');
      },
      { iterations: 20, warmup: false },
    );
    expect(mostPending).toBe(1);
    expect(run.requests).toMatchObject({ total: 20, ok: 16, errors: 4 });
    expect(run.errors).toEqual([{ message: 'upstream said no', count: 4 }]);
    expect(run.latency.min).toBeGreaterThan(0);
  });

  test('the signal stops the run after the call in progress', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = await measure(
      () => {
        if (++calls === 40) controller.abort();
      },
      { duration: '1m', warmup: false, signal: controller.signal },
    );
    expect(run.requests.total).toBe(40);
    expect(run.warnings.some((w) => w.startsWith('run aborted'))).toBe(true);
  });

  test('an async call that never settles is abandoned on abort and counted as cancelled', async () => {
    let calls = 0;
    const run = await measure(
      () => (++calls < 5 ? Promise.resolve() : new Promise(() => undefined)),
      {
        duration: '1m',
        warmup: false,
        signal: AbortSignal.timeout(100),
      },
    );
    expect(run.requests).toMatchObject({ total: 5, ok: 4, cancelled: 1, failed: 0 });
    expect(run.warnings.some((w) => w.includes('counted as cancelled'))).toBe(true);
  });

  test('an already aborted signal gives an empty result, not a hang', async () => {
    const run = await measure(() => work(10), { duration: '1m', signal: AbortSignal.abort() });
    expect(run.requests.total).toBe(0);
    expect(run.latency.p95).toBeNull();
    expect(run.warnings.some((w) => w.startsWith('run aborted'))).toBe(true);
  });
});

describe('measure() figures', () => {
  test('a function doing 10x the work has a clearly higher p50 and lower throughput', async () => {
    const light = await measure(() => work(20_000), { iterations: 200, warmup: '50ms' });
    const heavy = await measure(() => work(200_000), { iterations: 200, warmup: '50ms' });
    expect(heavy.latency.p50!).toBeGreaterThan(light.latency.p50! * 3);
    expect(heavy.throughput).toBeLessThan(light.throughput);
    for (const run of [light, heavy]) {
      const l = run.latency;
      expect(l.min! <= l.p50! && l.p50! <= l.p95! && l.p95! <= l.p99! && l.p99! <= l.max!).toBe(
        true,
      );
    }
  });
});

describe('measure() with the matchers', () => {
  test('the same matchers judge it, and the run and verdicts land in the test meta', async ({
    task,
  }) => {
    const run = await measure(() => work(1000), { iterations: 100, warmup: false });
    expect(run).toHaveP95Below(10_000);
    expect(run).toHaveP50Below(10_000);
    expect(run).toHaveErrorRateBelow(0.01);
    expect(run).toHaveThroughputAbove(1);
    expect(run).not.toHaveP99Below(0.0005);
    expect(() => expect(run).toHaveP95Below(0.0005)).toThrow(
      /expected p95 below 0\.0005 ms, got .* ms \(n=100, 1 user/,
    );
    const meta = task.meta.vitestStress!;
    expect(meta.runs.at(-1)).toMatchObject({
      model: 'in-process',
      engine: 'tinybench',
      name: 'anonymous',
    });
    expect(meta.verdicts.map((v) => v.matcher)).toContain('toHaveP95Below');
  });

  test('a function that always throws fails latency matchers with "nothing to judge"', async () => {
    const run = await measure(
      () => {
        throw new Error('nope');
      },
      { iterations: 5, warmup: false },
    );
    expect(run.errorRate).toBe(1);
    expect(() => expect(run).toHaveP95Below(1000)).toThrow(/p95/);
  });
});

describe('measure() options', () => {
  const bad: Array<[string, unknown, unknown, string]> = [
    ['fn', 'not a function', undefined, 'fn'],
    ['duration', () => 1, { duration: 'fast' }, 'duration'],
    ['duration', () => 1, { duration: -5 }, 'duration'],
    ['iterations', () => 1, { iterations: 0 }, 'iterations'],
    ['iterations', () => 1, { iterations: 1.5 }, 'iterations'],
    ['warmup', () => 1, { warmup: 'lots' }, 'warmup'],
    ['warmup', () => 1, { warmup: {} }, 'warmup'],
    ['name', () => 1, { name: '' }, 'name'],
    ['signal', () => 1, { signal: {} }, 'signal'],
    ['options', () => 1, [1], 'options'],
  ];
  test.each(bad)(
    'rejects a bad %s with ERR_STRESS_INVALID_OPTION naming the field',
    async (_label, fn, options, field) => {
      await expect(measure(fn as () => unknown, options as never)).rejects.toMatchObject({
        code: 'ERR_STRESS_INVALID_OPTION',
        field,
      });
    },
  );

  test('rejects an unknown key with the closest valid name', async () => {
    await expect(measure(() => 1, { iteration: 10 } as never)).rejects.toMatchObject({
      code: 'ERR_STRESS_UNKNOWN_OPTION',
      field: 'iteration',
      suggestion: 'iterations',
    });
  });
});
