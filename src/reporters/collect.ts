import { relative } from 'node:path';
import type { TestCase, TestModule } from 'vitest/node';
import { isFlaky } from './attempts.js';
import type { TestRecord } from '../contracts/perf-results.js';

/** Flatten Vitest's modules into test records, in file order. */
export function collectTests(modules: ReadonlyArray<TestModule>, root: string): TestRecord[] {
  const records: TestRecord[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) records.push(toRecord(test, root));
  }
  return records;
}

function toRecord(test: TestCase, root: string): TestRecord {
  const result = test.result();
  const meta = test.meta().vitestStress;
  const diagnostic = test.diagnostic();
  return {
    file: relative(root, test.module.moduleId).split('\\').join('/'),
    project: test.project.name,
    name: test.name,
    fullName: test.fullName,
    state: result.state,
    durationMs: Math.round((diagnostic?.duration ?? 0) * 1000) / 1000,
    errors: (result.errors ?? []).map((e) => e.message ?? String(e)),
    runs: meta?.runs ?? [],
    verdicts: meta?.verdicts ?? [],
    ...(meta?.ab?.length ? { ab: meta.ab } : {}),
    ...(meta?.capacity?.length ? { capacity: meta.capacity } : {}),
    annotations: test.annotations().map((a) => ({ type: a.type, message: a.message })),
    flaky: isFlaky(result.state, meta?.tries, diagnostic?.flaky ?? false),
    ...(meta?.tries ? { tries: meta.tries } : {}),
  };
}
