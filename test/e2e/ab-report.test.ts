import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeChildVitestDirs, runChildVitest } from '../helpers/child-vitest.js';

afterAll(removeChildVitestDirs);

describe('an A/B regression in a real Vitest run', () => {
  test('fails the test; perf-results.json carries the AB result and the verdict; JUnit names it', async () => {
    const result = await runChildVitest('test/e2e/ab-project');
    const out = result.out;
    expect(result.code).toBe(1);

    const json = JSON.parse(await readFile(join(out, 'perf-results.json'), 'utf8'));
    expect(json.totals).toMatchObject({ tests: 1, failed: 1, perfTests: 1, slaFailed: 1 });
    const [t] = json.tests;
    expect(t.runs).toEqual([]);
    expect(t.ab).toHaveLength(1);
    expect(t.ab[0]).toMatchObject({
      kind: 'vitest-stress/ab',
      name: 'twice slower',
      order: 'ABBAABBA',
    });
    expect(
      t.ab[0].rounds.map(
        (r: { order: string; baseline: { total: number }; candidate: { total: number } }) => [
          r.order,
          r.baseline.total,
          r.candidate.total,
        ],
      ),
    ).toEqual([
      ['AB', 30, 30],
      ['BA', 30, 30],
      ['AB', 30, 30],
      ['BA', 30, 30],
    ]);
    expect(t.verdicts).toEqual([
      expect.objectContaining({
        matcher: 'toShowNoRegression',
        metric: 'p50',
        threshold: '+10%',
        state: 'fail',
        pass: false,
        interval: expect.objectContaining({ method: 'paired-t-log-ratio' }),
      }),
    ]);
    expect(t.verdicts[0].message).toMatch(
      new RegExp(
        String.raw`^expected no regression of [^\n]+: fail \(4 paired rounds[^\n]+\n {2}p50 ` +
          String.raw`ratio \d\.\d+ \[\d\.\d+, \d\.\d+\] vs \+10%: regression — [^\n]+$`,
      ),
    );

    // The terminal summary shows the rounds once, then the verdict.
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`A\/B twice slower: http:\/\/127\.0\.0\.1:\d+\/ against http:\/\/127\.0\.0` +
          String.raw`\.1:\d+\/, ABBAABBA\n {2}per round \(baseline\/candidate\):\n {4}round 1 ` +
          String.raw`AB: p50 [\d.]+\/[\d.]+ ms`,
      ),
    );
    expect(result.stdout).toMatch(/SLA ✗ expected no regression of/);

    const xml = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(xml).toMatch(
      new RegExp(
        String.raw`<property name="sla.toShowNoRegression.twice slower" value="fail: expected ` +
          String.raw`no regression of http:\/\/127\.0\.0\.1:\d+\/ against`,
      ),
    );
  }, 120_000);
});
