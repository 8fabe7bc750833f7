import type { TestRecord } from '../../../src/contracts/perf-results.js';
import { buildJsonReport } from '../../../src/reporters/json-report.js';
import type { PerfResultsFile } from '../../../src/contracts/perf-results.js';
import type { RunInfo } from '../../../src/contracts/perf-results.js';
import { type RunMeta, type SlaVerdict } from '../../../src/contracts/meta.js';
import { toRunMeta } from '../../../src/vitest/run-meta.js';
import { fakeRun, type FakeRequest } from '../../helpers/fake-run.js';

/** Fixed run info, so pages built in tests do not depend on the machine. */
export const RUN_INFO: RunInfo = {
  date: '2026-11-30T12:00:00.000Z',
  node: 'v20.20.2',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'Test CPU',
  totalMemoryMB: 1024,
  hostname: 'host',
  gitSha: 'abc123',
  profile: 'smoke',
  ci: true,
};

/**
 * A run of `seconds` seconds at 2 requests/s, each 10 ms, except one of `slowMs` at second
 * `slowAtS` (real recorder, fake clock).
 */
export function steadyRun(seconds: number, { slowAtS = -1, slowMs = 900 } = {}): RunMeta {
  const requests: FakeRequest[] = Array.from({ length: seconds * 2 }, (_, i) => ({
    latencyMs: Math.floor(i / 2) === slowAtS && i % 2 === 0 ? slowMs : 10,
  }));
  return toRunMeta(fakeRun(requests, { users: 2, durationMs: seconds * 1000 }));
}

/** A test record around `runs` and `verdicts`. */
export function testRecord(
  name: string,
  runs: RunMeta[],
  verdicts: SlaVerdict[] = [],
  state: TestRecord['state'] = 'passed',
): TestRecord {
  return {
    file: 'suites/x.perf.ts',
    project: 'perf',
    name,
    fullName: `suite > ${name}`,
    state,
    durationMs: 1000,
    errors: [],
    runs,
    verdicts,
    annotations: [],
  };
}

/** A verdict as the matchers record it (bench/html-report.ts and the page tests use it by this name). */
export { slaVerdict as verdict } from '../../helpers/verdicts.js';

/** The JSON report object of `tests`. */
export function reportOf(tests: TestRecord[]): PerfResultsFile {
  return buildJsonReport(tests, RUN_INFO);
}
