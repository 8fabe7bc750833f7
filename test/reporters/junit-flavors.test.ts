import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import StressReporter from '../../src/reporters/index.js';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import {
  buildJunitReport,
  STRICT_PROPERTY_SEPARATOR,
  strictSuiteProperties,
  testProperties,
} from '../../src/reporters/junit-report.js';
import type { RunInfo } from '../../src/contracts/perf-results.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { JUNIT_10_XSD, xmllint } from '../helpers/xmllint.js';
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
const LONG = `expected p95 below 900 ms, ${'x'.repeat(200_000)} end`;
const NASTY = `a "quoted" <tag> & 'apos'\u0001\u001b[31m\ttab\nline two\r\nlone \uD800 surrogate`;
const verdict = (message: string, pass: boolean, attempt = 0) => ({
  matcher: 'toHaveP95Below',
  metric: 'p95',
  unit: 'ms',
  threshold: 900,
  observed: 950,
  pass,
  negated: false,
  message,
  attempt,
  repetition: 0,
});

const tests: TestRecord[] = [
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: NASTY,
    fullName: `outer > ${NASTY}`,
    state: 'failed',
    durationMs: 1234.5,
    errors: [NASTY],
    runs: [
      { ...run, name: 'first' },
      { ...run, name: 'second' },
    ],
    verdicts: [verdict(NASTY, false), verdict('expected error rate below 1%, got 0%', true)],
    annotations: [{ type: 'notice', message: 'table\nrow 1\nrow 2' }],
  },
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: 'flaky one',
    fullName: 'flaky one',
    state: 'passed',
    durationMs: 10,
    errors: [],
    runs: [
      { ...run, attempt: 0, repetition: 0 },
      { ...run, attempt: 1, repetition: 0 },
    ],
    verdicts: [verdict('first try breached', false, 0), verdict('second try held', true, 1)],
    annotations: [],
    flaky: true,
    tries: [
      { repetition: 0, attempt: 0, state: 'failed' },
      { repetition: 0, attempt: 1, state: 'passed' },
    ],
  },
  {
    file: 'suites/a.perf.ts',
    project: 'perf',
    name: 'long',
    fullName: 'long',
    state: 'failed',
    durationMs: 1,
    errors: [LONG],
    runs: [run],
    verdicts: [verdict(LONG, false)],
    annotations: [],
  },
  {
    file: 'test/b.test.ts',
    project: 'unit',
    name: 'skipped',
    fullName: 'skipped',
    state: 'skipped',
    durationMs: 0,
    errors: [],
    runs: [],
    verdicts: [],
    annotations: [],
  },
];

const dir = await mkdtemp(join(tmpdir(), 'vs-junit-'));
const files = { rich: join(dir, 'rich.xml'), strict: join(dir, 'strict.xml') };
const xml = {
  rich: buildJunitReport(tests, info),
  strict: buildJunitReport(tests, info, undefined, { flavor: 'strict' }),
};
beforeAll(async () => {
  await writeFile(files.rich, xml.rich);
  await writeFile(files.strict, xml.strict);
});

/** An XPath string value of a file, as libxml2 parses it. */
async function xpath(file: string, expression: string): Promise<string> {
  const { stdout } = await promisify(execFile)('xmllint', ['--xpath', expression, file], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.replace(/\n$/, ''); // xmllint ends its output with a newline
}

describe('both flavors', () => {
  test.each(['rich', 'strict'] as const)('%s is well-formed (xmllint --noout)', async (flavor) => {
    expect(await xmllint(files[flavor])).toEqual({ code: 0, stderr: '' });
  });

  test.each(['rich', 'strict'] as const)(
    '%s keeps quotes, <, & and line breaks in attributes and drops what XML cannot carry',
    async (flavor) => {
      // eslint-disable-next-line no-control-regex -- the control characters the report must drop
      const clean = NASTY.replace(/[\u0001\u001b\uD800]/g, '');
      expect(await xpath(files[flavor], `string(//testcase[1]/@name)`)).toBe(`outer > ${clean}`);
      expect(await xpath(files[flavor], 'string(//testcase[1]/failure/@message)')).toBe(clean);
    },
  );

  test.each(['rich', 'strict'] as const)(
    '%s carries a 200 000-character message whole',
    async (flavor) => {
      expect(await xpath(files[flavor], 'string(//testcase[3]/failure/@message)')).toBe(LONG);
    },
  );

  test('the default is rich; an unknown flavor is a coded error', () => {
    expect(buildJunitReport(tests, info)).toBe(
      buildJunitReport(tests, info, 'vitest-stress', { flavor: 'rich' }),
    );
    expect(() => new StressReporter({ junit: { flavor: 'xml' as 'rich' } })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'junit.flavor' }),
    );
  });
});

describe('strict', () => {
  test('validates against Jenkins xUnit junit-10.xsd, which rejects rich', async () => {
    expect(await xmllint(files.strict, JUNIT_10_XSD)).toEqual({
      code: 0,
      stderr: `${files.strict} validates\n`,
    });
    const rich = await xmllint(files.rich, JUNIT_10_XSD);
    expect(rich.code).not.toBe(0);
    expect(rich.stderr).toContain(
      "Element 'testcase', attribute 'file': The attribute 'file' is not allowed.",
    );
  });

  test('every rich property is a suite property named "<full name> :: <name>", one to one', () => {
    const perSuite = strictSuiteProperties(tests.filter((t) => t.file === 'suites/a.perf.ts'));
    const expected = tests
      .filter((t) => t.file === 'suites/a.perf.ts')
      .flatMap((t) =>
        testProperties(t).map(([n, v]) => [`${t.fullName}${STRICT_PROPERTY_SEPARATOR}${n}`, v]),
      );
    expect(perSuite).toEqual(expected);
    expect(new Set(perSuite.map(([n]) => n)).size).toBe(perSuite.length);
    // Read back from the documents: the same values under the derived names.
    for (const [name, value] of testProperties(tests[1])) {
      expect(xml.rich).toContain(`<property name="${name}" value="${value}"/>`);
      expect(xml.strict).toContain(`<property name="flaky one :: ${name}" value="${value}"/>`);
    }
    expect(xml.strict.match(/<property /g)).toHaveLength(
      xml.rich.match(/<property /g)?.length ?? -1,
    );
  });

  test('failures stay on their testcase as SLABreach, and each testcase has a readable block', () => {
    expect(xml.strict).toContain('<failure message="expected p95 below 900 ms, xxx');
    expect(xml.strict.match(/type="SLABreach"/g)).toHaveLength(2);
    expect(xml.strict).toContain('<system-out>  Flaky:         passed only after a failed attempt');
    expect(xml.strict).toMatch(/ {2}SLA ✗ first try breached \[repetition 0, attempt 0, retried\]/);
  });
});

describe('retried attempts in the JUnit', () => {
  test('a flaky test has no <failure>, a flaky property and its failed attempt under a prefixed name', () => {
    const flaky = xml.rich.slice(
      xml.rich.indexOf('name="flaky one"'),
      xml.rich.indexOf('</testcase>', xml.rich.indexOf('name="flaky one"')),
    );
    expect(flaky).not.toContain('<failure');
    expect(flaky).toContain('<property name="flaky" value="true"/>');
    expect(flaky).toContain(
      '<property name="repetition0.attempt0.sla.toHaveP95Below" value="fail: first try breached"/>',
    );
    expect(flaky).toContain('<property name="sla.toHaveP95Below" value="pass: second try held"/>');
  });
});
