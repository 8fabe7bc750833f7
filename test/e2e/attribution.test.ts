import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PerfResultsFile } from '../../src/contracts/perf-results.js';
import { JUNIT_10_XSD, xmllint } from '../helpers/xmllint.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

interface ChildRun {
  code: number;
  output: string;
  out: string;
  json: PerfResultsFile;
}

/** Run test/e2e/attribution-project as a consumer would, with the reporter on, and read its JSON back. */
async function runProject(flavor: 'rich' | 'strict'): Promise<ChildRun> {
  const out = await mkdtemp(join(tmpdir(), `vs-attr-${flavor}-`));
  const result = await run(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', 'test/e2e/attribution-project'],
    {
      cwd: root,
      env: { ...process.env, VS_E2E_OUT: out, VS_E2E_FLAVOR: flavor, CI: 'true', NO_COLOR: '1' },
    },
  ).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      output: e.stdout + e.stderr,
    }),
  );
  const json = JSON.parse(
    await readFile(join(out, 'perf-results.json'), 'utf8'),
  ) as PerfResultsFile;
  return { ...result, out, json };
}

let rich: ChildRun;
let strict: ChildRun;
beforeAll(async () => {
  [rich, strict] = await Promise.all([runProject('rich'), runProject('strict')]);
}, 120_000);

function entry(name: string) {
  const found = rich.json.tests.filter((t) => t.fullName === name);
  expect(found, `one entry named ${name}`).toHaveLength(1);
  return found[0];
}
const paths = (name: string) => entry(name).runs.map((r) => new URL(r.target).pathname);
const thresholds = (name: string) => entry(name).verdicts.map((v) => v.threshold);
const tries = (items: Array<{ repetition?: number; attempt?: number }>) =>
  items.map((i) => [i.repetition, i.attempt]);

describe('runs and verdicts land on the test that produced them', () => {
  test('the child run passes and counts every test', () => {
    expect(rich.code, rich.output).toBe(0);
    expect(rich.json.totals).toMatchObject({ tests: 17, passed: 17, failed: 0, perfTests: 15 });
  });

  test.each([
    ['describe.concurrent, context expect', 'context expect > slow one', '/slow', 5001],
    ['describe.concurrent, context expect', 'context expect > fast one', '/fast', 5002],
    ['test.concurrent, global expect', 'concurrent A', '/slow-a', 5003],
    ['test.concurrent, global expect', 'concurrent B', '/b', 5004],
    ['sequence.concurrent, global expect', 'sequence slow', '/slow-seq', 5005],
    ['sequence.concurrent, global expect', 'sequence fast', '/fast-seq', 5006],
    [
      'no scope hook, load({ test: context }) and context.expect',
      'explicit > explicit slow',
      '/slow-explicit',
      5007,
    ],
  ])('%s: %s', (_mode, name, path, threshold) => {
    expect(paths(name)).toEqual([path]);
    expect(thresholds(name)).toEqual([threshold]);
  });

  test('without the scope hook and with nothing explicit, a warning names the test and the fix', () => {
    expect(rich.output).toMatch(
      new RegExp(
        String.raw`vitest-stress: load\(\) or measure\(\) was called while concurrent tests ` +
          String.raw`run, without the test scope: Vitest's global current test \("[^"]+", the ` +
          String.raw`last one started\)`,
      ),
    );
    expect(rich.output).toContain(
      "pass { test: context } to load()/measure() and use the test context's expect",
    );
    // 'guessed C' judges after the others ended: Vitest's global is cleared, the verdict is lost, and said so.
    expect(rich.output).toMatch(
      new RegExp(
        String.raw`vitest-stress: an SLA matcher judged where Vitest knows no running test ` +
          String.raw`\(the last one started was "[^"]+"\), so its verdict is in no test's report`,
      ),
    );
  });

  test('two load() calls, test.each and names with <&"\'> keep working', async () => {
    expect(entry('two load() calls').runs.map((r) => r.name)).toEqual(['first', 'second']);
    expect(paths('each x')).toEqual(['/x']);
    expect(paths('each y')).toEqual(['/y']);
    expect(paths(`name with <&"'>`)).toEqual(['/name']);
    expect(await xmllint(join(rich.out, 'junit.xml'))).toEqual({ code: 0, stderr: '' });
  });
});

describe('retries and repeats', () => {
  test('each run and verdict carries its repetition and attempt', () => {
    const retried = entry('passes on the third attempt');
    expect(tries(retried.runs)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
    expect(retried.verdicts.map((v) => [v.attempt, v.pass])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(tries(entry('repeated three times').runs)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    // Vitest counts retries across repetitions; the attempt restarts in each repetition.
    expect(tries(entry('repeated and retried').verdicts)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  test('a test that passed after a failed attempt is flaky, and only final attempts count', () => {
    expect(entry('passes on the third attempt')).toMatchObject({ state: 'passed', flaky: true });
    expect(entry('repeated and retried')).toMatchObject({ state: 'passed', flaky: true });
    expect(entry('repeated three times').flaky).toBe(false);
    expect(rich.json.totals).toMatchObject({ slaFailed: 0, flaky: 2 });
  });

  test('the terminal summary and the JUnit properties say flaky, and keep the failed attempts', async () => {
    expect(rich.output).toContain('✓ scoped/tries.e2e.ts > passes on the third attempt (flaky)');
    expect(rich.output).toMatch(
      /SLA ✗ expected p95 below 0\.001 ms, got [^\n]+ \[repetition 0, attempt 0, retried\]/,
    );
    const xml = await readFile(join(rich.out, 'junit.xml'), 'utf8');
    const testcase = xml.slice(
      xml.indexOf('name="passes on the third attempt"'),
      xml.indexOf('</testcase>', xml.indexOf('name="passes on the third attempt"')),
    );
    expect(testcase).toContain('<property name="flaky" value="true"/>');
    expect(testcase).toMatch(
      /<property name="repetition0\.attempt1\.sla\.toHaveP95Below" value="fail: expected p95 below 0\.001 ms/,
    );
    expect(testcase).not.toContain('<failure');
  });
});

describe('the strict JUnit flavor from a real run', () => {
  test('validates against Jenkins xUnit junit-10.xsd; the rich one does not', async () => {
    expect(strict.code, strict.output).toBe(0);
    expect(await xmllint(join(strict.out, 'junit.xml'), JUNIT_10_XSD)).toEqual({
      code: 0,
      stderr: `${join(strict.out, 'junit.xml')} validates\n`,
    });
    const richCheck = await xmllint(join(rich.out, 'junit.xml'), JUNIT_10_XSD);
    expect(richCheck.code).not.toBe(0);
    expect(richCheck.stderr).toContain("Element 'properties': This element is not expected.");
  });

  test('keeps the flaky mark and the perf figures as suite properties named after the test', async () => {
    const xml = await readFile(join(strict.out, 'junit.xml'), 'utf8');
    expect(xml).toContain('<property name="passes on the third attempt :: flaky" value="true"/>');
    expect(xml).toMatch(
      /<property name="name with &lt;&amp;&quot;&apos;&gt; :: p95Ms" value="[\d.]+"\/>/,
    );
  });
});
