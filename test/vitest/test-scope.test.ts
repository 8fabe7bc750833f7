import type { RunnerTestCase } from 'vitest';
import { describe, expect, test, vi } from 'vitest';
import { measure } from '../../src/measure/measure.js';
import { warnUnscoped } from '../../src/vitest/current-test.js';
import { resolveExplicitTest } from '../../src/vitest/explicit-test.js';
import { scopeActive, scopedTest } from '../../src/vitest/test-scope.js';

// This project registers src/matchers/register.ts as a setup file: every test is scoped.
const quick = { iterations: 5, warmup: false } as const;
const started = new Set<string>();

describe.concurrent('concurrent tests with the global expect', () => {
  test('first', async ({ task }) => {
    await vi.waitFor(() => expect(started.has('second')).toBe(true)); // Vitest's current test is now 'second'
    const run = await measure(() => 1, { ...quick, name: 'first-run' });
    expect(run).toHaveP95Below(1_000_001);
    expect(task.meta.vitestStress?.runs.map((r) => r.name)).toEqual(['first-run']);
    expect(task.meta.vitestStress?.verdicts.map((v) => v.threshold)).toEqual([1_000_001]);
  });
  test('second', async ({ task }) => {
    started.add('second');
    const run = await measure(() => 2, { ...quick, name: 'second-run' });
    expect(run).toHaveP95Below(1_000_002);
    await vi.waitFor(() => expect(task.meta.vitestStress?.verdicts).toHaveLength(1));
    expect(task.meta.vitestStress?.runs.map((r) => r.name)).toEqual(['second-run']);
    expect(task.meta.vitestStress?.verdicts.map((v) => v.threshold)).toEqual([1_000_002]);
  });
});

describe('the store is enabled only while concurrent tests run (it slows every promise on Node 20)', () => {
  test("a sequential test runs outside it: Vitest's global is right for it", ({ task }) => {
    expect(scopeActive()).toBe(false);
    expect(scopedTest()).toBeUndefined();
    expect(task.concurrent).toBeFalsy();
  });
  test.concurrent('a concurrent test runs inside it', ({ task }) => {
    expect(scopeActive()).toBe(true);
    expect(scopedTest()).toBe(task);
  });
});

let attempts = 0;
test(
  'a retried test: runs carry their attempt, failed tries are logged',
  { retry: 1 },
  async ({ task }) => {
    const attempt = attempts++;
    await measure(() => 1, { ...quick, name: `attempt-${attempt}` });
    if (attempt === 0) throw new Error('first attempt fails on purpose');
    expect(task.meta.vitestStress?.runs.map((r) => [r.name, r.repetition, r.attempt])).toEqual([
      ['attempt-0', 0, 0],
      ['attempt-1', 0, 1],
    ]);
    expect(task.meta.vitestStress?.tries).toEqual([{ repetition: 0, attempt: 0, state: 'failed' }]);
  },
);

describe('the explicit form: { test }', () => {
  const fakeTask = () =>
    ({
      type: 'test',
      id: 'fake-1',
      name: 'other',
      meta: {},
      concurrent: false,
    }) as unknown as RunnerTestCase;

  test('records the run in the test given, not the calling one', async ({ task }) => {
    const other = fakeTask();
    await measure(() => 1, { ...quick, test: other });
    expect(other.meta.vitestStress?.runs).toHaveLength(1);
    expect(task.meta.vitestStress).toBeUndefined();
  });

  test('accepts the test context or its task; anything else is a coded error', (context) => {
    expect(resolveExplicitTest(context)).toBe(context.task);
    expect(resolveExplicitTest(context.task)).toBe(context.task);
    expect(resolveExplicitTest(undefined)).toBeUndefined();
    for (const bad of [{}, 'test', { task: {} }]) {
      expect(() => resolveExplicitTest(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'test' }),
      );
    }
  });
});

test('the unscoped warning names the test once, and only for concurrent tests', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const concurrent = {
      id: 'w-1',
      name: 'c',
      fullTestName: 'suite > c',
      concurrent: true,
    } as unknown as RunnerTestCase;
    warnUnscoped(concurrent, 'load() or measure() was called');
    warnUnscoped(concurrent, 'an SLA matcher judged');
    warnUnscoped(
      { id: 'w-2', name: 's', concurrent: false } as unknown as RunnerTestCase,
      'load() or measure() was called',
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      new RegExp(
        String.raw`^vitest-stress: load\(\) or measure\(\) was called while concurrent tests ` +
          String.raw`run.*\("suite > c", the last one started\).*pass \{ test: context \}`,
      ),
    );
  } finally {
    warn.mockRestore();
  }
});
