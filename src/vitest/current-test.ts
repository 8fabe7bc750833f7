import { TestRunner, expect } from 'vitest';
import type { RunnerTestCase as Test } from 'vitest';
import type { AbResult } from '../contracts/ab-result.js';
import type { CapacityMeta } from '../contracts/capacity.js';
import type { RunResult } from '../contracts/run-result.js';
import { type RunMeta, type SlaVerdict, type StressMeta } from '../contracts/meta.js';
import { toRunMeta } from './run-meta.js';
import { currentTry, scopedTest } from './test-scope.js';

/** Vitest's global current test: the last test started, whatever call chain asks. */
function globalCurrentTest(): Test | undefined {
  try {
    const test = TestRunner.getCurrentTest() as Test | undefined;
    return test && test.type === 'test' ? test : undefined;
  } catch {
    return undefined;
  }
}

const warned = new Set<string>();

/**
 * Say once per test that attribution is a guess: a concurrent test, no scope hook, nothing
 * explicit. Vitest does the same for snapshots with the global expect.
 */
export function warnUnscoped(test: Test, what: string): void {
  if (!test.concurrent || warned.has(test.id)) return;
  warned.add(test.id);
  console.warn(
    `vitest-stress: ${what} while concurrent tests run, without the test scope: Vitest's global current test ` +
      `("${test.fullTestName ?? test.name}", the last one started) may not be the test that made it, so it can be ` +
      `recorded in the wrong test or lost. Register 'vitest-stress/matchers' in setupFiles ` +
      '(on Vitest ≥ 4.1 it scopes ' +
      `every test), or pass { test: context } to load()/measure() and use the test context's expect ` +
      `(test('…', async ({ expect }) => …)).`,
  );
}

/**
 * The Vitest test running in this call chain, or undefined outside a test (the CLI, a plain
 * script). Exact when the scope hook is installed; otherwise Vitest's global current test.
 */
export function currentTest(): Test | undefined {
  const scoped = scopedTest();
  if (scoped) return scoped;
  const test = globalCurrentTest();
  if (test) warnUnscoped(test, 'load() or measure() was called');
  return test;
}

/** The name of the last test Vitest started (the global expect's state), '' when none. */
function lastStartedTestName(): string {
  try {
    return expect.getState().currentTestName ?? '';
  } catch {
    return '';
  }
}

/**
 * The test a matcher's verdict belongs to: the scope's, else the one its expect names. A
 * verdict that finds no test at all says so instead of vanishing: under concurrency Vitest
 * clears its global when the last test started ends, while others still run.
 */
export function verdictTest(matcherTask: Test | undefined): Test | undefined {
  const scoped = scopedTest();
  if (scoped) return scoped;
  const test = matcherTask ?? globalCurrentTest();
  const lastTestName = test ? '' : lastStartedTestName();
  if (lastTestName && !warned.has(`lost:${lastTestName}`)) {
    warned.add(`lost:${lastTestName}`);
    console.warn(
      'vitest-stress: an SLA matcher judged where Vitest knows no running test (the last one ' +
        `started was "${lastTestName}"), ` +
        `so its verdict is in no test's report. In concurrent tests use the test context's expect ` +
        `(test('…', async ({ expect }) => …)) or register 'vitest-stress/matchers' in setupFiles.`,
    );
  }
  // A test that took its context's expect judges with it: exact, nothing to warn about.
  const usesContextExpect = (test?.context as { _local?: boolean } | undefined)?._local === true;
  if (test && !usesContextExpect) warnUnscoped(test, 'an SLA matcher judged');
  return test;
}

function stressMeta(test: Test): StressMeta {
  const meta = test.meta as { vitestStress?: StressMeta };
  meta.vitestStress ??= { runs: [], verdicts: [] };
  return meta.vitestStress;
}

const recorded = new WeakMap<RunResult, RunMeta>();

/** Attach a run's summary to the test it ran in, with its try, for the reporter. */
export function recordRunInTest(result: RunResult, test: Test | undefined = currentTest()): void {
  if (!test) return;
  const meta: RunMeta = { ...toRunMeta(result), ...currentTry(test) };
  stressMeta(test).runs.push(meta);
  recorded.set(result, meta);
}

/** How many runs the test has recorded so far (the index the next run will get); 0 outside a test. */
export function runCountInTest(test: Test | undefined = currentTest()): number {
  return test ? stressMeta(test).runs.length : 0;
}

/**
 * The entry recordRunInTest made for `result`, wherever it went (for sections added later,
 * such as faults or metrics); undefined when the run was not recorded in a test.
 */
export function recordedRunMeta(result: RunResult): RunMeta | undefined {
  return recorded.get(result);
}

/** Attach an SLA verdict to a test, with its try, for the reporter. */
export function recordVerdictInTest(
  verdict: SlaVerdict,
  test: Test | undefined = verdictTest(undefined),
): void {
  if (test) stressMeta(test).verdicts.push({ ...verdict, ...currentTry(test) });
}

/** Attach a compareTargets() result to the test it ran in, for the reporter. */
export function recordAbInTest(result: AbResult, test: Test | undefined = currentTest()): void {
  if (!test) return;
  const meta = stressMeta(test);
  (meta.ab ??= []).push(result);
}

/** Attach a findCapacity() result to the test it ran in, for the reporter. */
export function recordCapacityInTest(
  result: CapacityMeta,
  test: Test | undefined = currentTest(),
): void {
  if (!test) return;
  (stressMeta(test).capacity ??= []).push(result);
}
