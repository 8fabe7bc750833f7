import { TestRunner } from 'vitest';
import type { RunnerTestCase as Test } from 'vitest';
import type { AbResult } from '../ab/ab-types.js';
import type { RunResult } from '../result/types.js';
import { toRunMeta, type SlaVerdict, type StressMeta } from './meta.js';

/** The Vitest test running now, or undefined outside a test (the CLI, a plain script). */
export function currentTest(): Test | undefined {
  try {
    const test = TestRunner.getCurrentTest() as Test | undefined;
    return test && test.type === 'test' ? test : undefined;
  } catch {
    return undefined;
  }
}

function stressMeta(test: Test): StressMeta {
  const meta = test.meta as { vitestStress?: StressMeta };
  meta.vitestStress ??= { runs: [], verdicts: [] };
  return meta.vitestStress;
}

/** Attach a run's summary to the test it ran in, for the reporter. */
export function recordRunInTest(result: RunResult, test: Test | undefined = currentTest()): void {
  if (test) stressMeta(test).runs.push(toRunMeta(result));
}

/** Attach an SLA verdict to a test, for the reporter. */
export function recordVerdictInTest(verdict: SlaVerdict, test: Test | undefined = currentTest()): void {
  if (test) stressMeta(test).verdicts.push(verdict);
}

/** Attach a compareTargets() result to the test it ran in, for the reporter. */
export function recordAbInTest(result: AbResult, test: Test | undefined = currentTest()): void {
  if (!test) return;
  const meta = stressMeta(test);
  (meta.ab ??= []).push(result);
}
