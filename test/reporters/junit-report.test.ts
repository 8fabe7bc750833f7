import { describe, expect, test } from 'vitest';
import { buildJunitReport } from '../../src/reporters/junit-report.js';
import { buildJsonReport } from '../../src/reporters/json-report.js';
import { summaryText } from '../../src/reporters/summary-text.js';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import type { RunInfo } from '../../src/contracts/perf-results.js';
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
const run = toRunMeta(linearRun(1000));
const tests: TestRecord[] = [
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: `p95 <&"'> ok`,
    fullName: `baseline > p95 <&"'> ok`,
    state: 'failed',
    durationMs: 1234.5,
    errors: ['expected p95 below 900 ms, got 950.3 ms (n=1000, 10 users, 31 s, 0% errors)'],
    runs: [run],
    annotations: [{ type: 'notice', message: 'highest sustained throughput: 42 req/s' }],
    verdicts: [
      {
        matcher: 'toHaveErrorRateBelow',
        metric: 'error rate',
        unit: 'fraction',
        threshold: 0.01,
        observed: 0,
        pass: true,
        negated: false,
        message: 'expected error rate below 1%, got 0%',
      },
      {
        matcher: 'toHaveP95Below',
        metric: 'p95',
        unit: 'ms',
        threshold: 900,
        observed: 950.3,
        pass: false,
        negated: false,
        message: 'expected p95 below 900 ms, got 950.3 ms (n=1000, 10 users, 31 s, 0% errors)',
      },
    ],
  },
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: 'skipped one',
    fullName: 'skipped one',
    state: 'skipped',
    durationMs: 0,
    errors: [],
    runs: [],
    verdicts: [],
    annotations: [],
  },
  {
    file: 'test/b.test.ts',
    project: 'unit',
    name: 'plain',
    fullName: 'plain',
    state: 'passed',
    durationMs: 3,
    errors: [],
    runs: [],
    verdicts: [],
    annotations: [],
  },
];

describe('junit.xml', () => {
  const xml = buildJunitReport(tests, info);

  test('matches the expected document', () => {
    expect(xml).toMatchSnapshot();
  });

  test('one testcase per test, grouped by file, with counts', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain(
      '<testsuites name="vitest-stress" tests="3" failures="1" errors="0" skipped="1" time="1.238">',
    );
    expect(xml).toContain(
      '<testsuite name="suites/a.perf.ts" timestamp="2026-01-01T00:00:00.000Z" ' +
        'hostname="host" tests="2" failures="1" errors="0" skipped="1"',
    );
  });

  test('escapes names and carries the SLA failure and perf properties', () => {
    expect(xml).toContain('name="baseline &gt; p95 &lt;&amp;&quot;&apos;&gt; ok"');
    expect(xml).toContain(
      '<failure message="expected p95 below 900 ms, got 950.3 ms (n=1000, 10 users, 31 s, 0% ' +
        'errors)" type="SLABreach">',
    );
    expect(xml).toContain('<property name="p95Ms" value="950.271"/>');
    expect(xml).toContain('<property name="profile" value="quick"/>');
    expect(xml).toContain(
      '<property name="sla.toHaveP95Below" value="fail: expected p95 below 900 ms',
    );
    expect(xml).toContain(
      '<property name="sla.toHaveErrorRateBelow" value="pass: expected error rate below 1%, got 0%"/>',
    );
    expect(xml).toContain('<skipped/>');
    expect(xml).toContain(
      '<property name="notice" value="highest sustained throughput: 42 req/s"/>',
    );
    // Every tag that opens is closed: a crude well-formedness check.
    expect(xml.match(/<testsuite /g)?.length).toBe(xml.match(/<\/testsuite>/g)?.length);
    expect(xml.match(/<testcase /g)?.length).toBe(xml.match(/<\/testcase>/g)?.length);
  });
});

describe('perf-results.json', () => {
  test('versioned, with totals and SLA counts', () => {
    const json = buildJsonReport(tests, info);
    expect(json.schema).toBe('vitest-stress/perf-results');
    expect(json.schemaVersion).toBe(1);
    expect(json.totals).toEqual({
      tests: 3,
      passed: 1,
      failed: 1,
      skipped: 1,
      perfTests: 1,
      slaPassed: 1,
      slaFailed: 1,
      slaInconclusive: 0,
      slaProvisional: 0,
      flaky: 0,
    });
    expect(JSON.parse(JSON.stringify(json)).tests[0].runs[0].latency.p95).toBe(950.271);
  });
});

describe('terminal summary', () => {
  test('prints the seed-style block for perf tests only', () => {
    const text = summaryText(tests);
    expect(text).toContain('✗ suites/a.perf.ts > baseline > p95');
    expect(text).toContain('Successful:    1000 (100.0%)');
    expect(text).toContain(
      'Latency (ms):  min 1.0  mean 500.5  median 500.2  p95 950.3  p99 990.2  max 1000.0',
    );
    expect(text).toContain('Status codes:  200: 1000');
    expect(text).toContain('SLA ✗ expected p95 below 900 ms');
    expect(text).not.toContain('plain');
  });
});
