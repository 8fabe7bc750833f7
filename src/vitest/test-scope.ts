import { AsyncLocalStorage } from 'node:async_hooks';
import type { RunnerTestCase as Test } from 'vitest';
import type { TryMeta } from '../contracts/meta.js';

/**
 * Which test an async call chain belongs to. Vitest's own "current test" is one global that
 * the last test to start overwrites, so under `test.concurrent` it names the wrong test (or
 * none). An `aroundEach` hook (installTestScope) runs each try of each concurrent test inside
 * this store, so every load(), measure() and matcher call down that chain finds its own test.
 */
export interface TestScope {
  test: Test;
}

// One store per process even if two copies of this module are loaded (dist and src, say).
const KEY = Symbol.for('vitest-stress.test-scope');
interface Shared {
  storage: AsyncLocalStorage<TestScope>;
  /** Concurrent tries running in the store now. */
  active: number;
}
type Holder = { [KEY]?: Shared };
const shared: Shared = ((globalThis as Holder)[KEY] ??= {
  storage: new AsyncLocalStorage<TestScope>(),
  active: 0,
});
const storage = shared.storage;

/** The test whose call chain this is, when the scope hook (or runInTest) is in place. */
export function scopedTest(): Test | undefined {
  return storage.getStore()?.test;
}

/** Run `fn` with `test` as the test of its whole async call chain. */
export function runInTest<T>(test: Test, fn: () => T): T {
  return storage.run({ test }, fn);
}

type AroundEach = (
  fn: (runTest: () => Promise<void>, context: { task: Test }) => Promise<void>,
) => void;

/**
 * Register the `aroundEach` hook that scopes every concurrent test's tries (call at the top
 * level of a setup file or a test file). Returns false on a Vitest without `aroundEach`
 * (before 4.1): then attribution falls back to Vitest's global current test, with a warning
 * under concurrency. Sequential tests need no scope (the global is right for them) and get
 * none: on Node 20 an enabled AsyncLocalStorage slows every promise (about 40% fewer requests
 * per second from an undici client against an in-process server), so the store is enabled
 * only while concurrent tests run.
 */
export function installTestScope(aroundEach: AroundEach | undefined): boolean {
  if (typeof aroundEach !== 'function') return false;
  try {
    registerScope(aroundEach);
    return true;
  } catch {
    // Imported outside a Vitest run (a plain script importing the matchers): no tests to scope.
    return false;
  }
}

function registerScope(aroundEach: AroundEach): void {
  aroundEach(async (runTest, context) => {
    const test = context.task;
    if (!test.concurrent) {
      try {
        await runTest();
      } finally {
        noteTryEnded(test);
      }
      return;
    }
    shared.active += 1;
    try {
      await runInTest(test, runTest);
    } finally {
      noteTryEnded(test);
      shared.active -= 1;
      if (shared.active === 0) storage.disable(); // turns Node's async hooks off again
    }
  });
}

/** True while at least one concurrent test runs in the scope (the store is enabled). */
export function scopeActive(): boolean {
  return shared.active > 0;
}

/** Cumulative Vitest retry count at the first try of each repetition, per test. */
const repetitionStart = new WeakMap<Test, Map<number, number>>();

function noteRepetitionStart(
  test: Test,
  repetition: number,
  retryCount: number,
): Map<number, number> {
  let starts = repetitionStart.get(test);
  if (!starts) repetitionStart.set(test, (starts = new Map()));
  if (!starts.has(repetition)) starts.set(repetition, retryCount);
  return starts;
}

const triesOf = new WeakMap<Test, TryMeta[]>();

/** Log the try that just ended, so the reporter knows each repetition's final attempt. */
function noteTryEnded(test: Test): void {
  const result = test.result;
  if (!result) return;
  const tries = triesOf.get(test) ?? [];
  triesOf.set(test, tries);
  tries.push({
    ...currentTry(test),
    state: result.state === 'fail' ? 'failed' : result.state === 'pass' ? 'passed' : 'skipped',
  });
  // Only tests that measured or judged something carry vitest-stress meta.
  const meta = test.meta.vitestStress;
  if (meta) meta.tries = tries.map((t) => ({ ...t }));
}

/** Which try of a test is running: repetition (0-based, `repeats`) and attempt within it (0-based, `retry`). */
export interface TryIndex {
  repetition: number;
  attempt: number;
}

/**
 * The try of `test` running now. Vitest counts retries across repetitions; the attempt here
 * restarts at 0 in each repetition (the first try that ends in a repetition fixes its start).
 */
export function currentTry(test: Test): TryIndex {
  const repetition = test.result?.repeatCount ?? 0;
  const retryCount = test.result?.retryCount ?? 0;
  const start = noteRepetitionStart(test, repetition, retryCount).get(repetition) ?? retryCount;
  return { repetition, attempt: Math.max(0, retryCount - start) };
}
