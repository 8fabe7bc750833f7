import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeChildVitestDirs, runChildVitest } from '../helpers/child-vitest.js';

afterAll(removeChildVitestDirs);

describe('a breached SLA in a real Vitest run', () => {
  test('exits non-zero, with a JUnit <failure> naming p95 and the threshold, and the JSON report', async () => {
    const result = await runChildVitest('test/e2e/sla-project');
    const out = result.out;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('vitest-stress summary');
    expect(result.stdout).toMatch(/SLA ✗ expected p95 below 5 ms, got [\d.]+ ms \(n=20, 2 users/);

    const xml = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(xml).toMatch(
      /<failure message="expected p95 below 5 ms, got [\d.]+ ms \(n=20, 2 users, [^"]+\)" type="SLABreach">/,
    );
    expect(xml).toContain('name="meets a loose SLA &lt;&amp;&quot;&apos;&gt;"');
    expect(xml).toContain(
      '<property name="sla.toHaveP95Below" value="pass: expected p95 below 5000 ms',
    );

    const json = JSON.parse(await readFile(join(out, 'perf-results.json'), 'utf8'));
    expect(json.totals).toMatchObject({
      tests: 2,
      passed: 1,
      failed: 1,
      perfTests: 2,
      slaPassed: 3,
      slaFailed: 1,
    });
    const breached = json.tests.find(
      (t: { name: string }) => t.name === 'breaches a tight p95 SLA',
    );
    expect(breached.state).toBe('failed');
    expect(breached.runs[0].requests.total).toBe(20);
    expect(
      breached.verdicts.map((v: { matcher: string; pass: boolean }) => [v.matcher, v.pass]),
    ).toEqual([
      ['toHaveErrorRateBelow', true],
      ['toHaveP95Below', false],
    ]);
  }, 60_000);
});
