import { describe, expect, test } from 'vitest';
import { buildJunitReport } from '../../src/reporters/junit-report.js';
import { buildJsonReport } from '../../src/reporters/json-report.js';
import { summaryText } from '../../src/reporters/summary-text.js';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import type { RunInfo } from '../../src/contracts/perf-results.js';
import { type SlaVerdict } from '../../src/contracts/meta.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { linearRun } from '../helpers/fake-run.js';

const info: RunInfo = {
  date: '2026-01-01T00:00:00.000Z',
  node: 'v20',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'cpu',
  totalMemoryMB: 1024,
  hostname: 'host',
  gitSha: null,
  profile: 'smoke',
  ci: true,
};
const inconclusive: SlaVerdict = {
  matcher: 'toHaveP95Below',
  metric: 'p95',
  unit: 'ms',
  threshold: 2000,
  observed: 25,
  pass: false,
  negated: false,
  state: 'inconclusive',
  interval: { low: 12, high: null, confidence: 0.95, method: 'exact-binomial' },
  reason: 'p95 at 95% confidence needs at least 59 successful responses, this run had 26',
  message:
    'expected p95 below 2000 ms at 95% confidence: inconclusive (p95 at 95% confidence needs ' +
    'at least 59 successful responses, this run had 26)',
};
const passed: SlaVerdict = {
  ...inconclusive,
  pass: true,
  state: 'pass',
  message: 'expected p95 below 2000 ms at 95% confidence: pass',
};
const tests: TestRecord[] = [
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: 'few',
    fullName: 'few',
    state: 'passed',
    durationMs: 1,
    errors: [],
    runs: [toRunMeta(linearRun(26))],
    annotations: [],
    verdicts: [inconclusive, passed],
  },
];

describe('verdicts with confidence in the reports', () => {
  test('perf-results.json counts inconclusive verdicts apart and keeps their interval', () => {
    const json = buildJsonReport(tests, info);
    expect(json.totals).toMatchObject({ slaPassed: 1, slaFailed: 0, slaInconclusive: 1 });
    expect(json.tests[0]!.verdicts[0]).toMatchObject({
      state: 'inconclusive',
      interval: { low: 12, high: null },
    });
    expect(json.tests[0]!.runs[0]!.intervals?.p95).toMatchObject({
      count: 26,
      highMs: null,
      minSamples: 59,
    });
  });

  test('junit.xml labels the property inconclusive', () => {
    expect(buildJunitReport(tests, info)).toContain(
      '<property name="sla.toHaveP95Below" value="inconclusive: expected p95 below 2000 ms ' +
        'at 95% confidence: inconclusive (p95 at 95% confidence needs at least 59',
    );
  });

  test('the terminal summary marks it with ? and prints the p95 bounds', () => {
    const text = summaryText(tests);
    expect(text).toContain('  SLA ? inconclusive: expected p95 below 2000 ms');
    expect(text).toContain('  SLA ✓ expected p95 below 2000 ms at 95% confidence: pass');
    expect(text).toMatch(
      /p95 bounds: {4}\d+\.\d \.\. \? \(needs n ≥ 59\) ms at 95%, exact-binomial/,
    );
  });
});
