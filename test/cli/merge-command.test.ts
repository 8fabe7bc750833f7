import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { mergeCommand } from '../../src/cli/merge.js';
import { buildJsonReport } from '../../src/reporters/json-report.js';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import { type SlaVerdict } from '../../src/contracts/meta.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun } from '../helpers/fake-run.js';

const INFO = {
  date: '2026-11-30T00:00:00.000Z',
  node: 'v20',
  platform: 'linux',
  arch: 'x64',
  cpus: 2,
  cpuModel: 'x',
  totalMemoryMB: 1,
  hostname: 'runner',
  gitSha: null,
  profile: 'quick',
  ci: true,
};
const p95Verdict = (threshold: number): SlaVerdict => ({
  matcher: 'toHaveP95Below',
  metric: 'p95',
  unit: 'ms',
  threshold,
  observed: null,
  pass: true,
  negated: false,
  message: 'provisional',
  provisional: true,
  judged: { run: 0, kind: 'run' },
  percentile: 95,
});

/** One split's perf-results.json with one test whose run sent `latenciesMs` requests. */
function splitResults(
  index: number,
  count: number,
  latenciesMs: number[],
  options: { name?: string; split?: boolean } = {},
) {
  const result = fakeRun(
    latenciesMs.map((latencyMs) => ({ latencyMs })),
    { users: 1, durationMs: 1000 },
  );
  if (options.split !== false)
    result.split = { index, count, startAt: null, lateStartMs: 0, warnings: [] };
  const test: TestRecord = {
    file: 'load.perf.ts',
    project: 'perf',
    name: options.name ?? 'load',
    fullName: options.name ?? 'load',
    state: 'passed',
    durationMs: 1000,
    errors: [],
    runs: [toRunMeta(result)],
    verdicts: [p95Verdict(100)],
    annotations: [],
  };
  return buildJsonReport([test], INFO);
}

let dir: string;
const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => ((out.stdout += s), true) },
      stderr: { write: (s: string) => ((out.stderr += s), true) },
    },
  };
};
async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
async function merge(args: string[]) {
  const { out, io: sink } = io();
  const code = await mergeCommand(args, sink as never);
  return { code, ...out };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vs-merge-cli-'));
});

describe('vitest-stress merge', () => {
  test('re-judges on the whole: split 1 alone holds p95 < 100 ms, the merged p95 does not', async () => {
    // Split 1 is all fast, split 2 all slow: only the pooled histogram gives the whole's p95.
    const fast = await file(
      'fast.json',
      splitResults(
        1,
        2,
        Array.from({ length: 90 }, () => 10),
      ),
    );
    const slow = await file(
      'slow.json',
      splitResults(
        2,
        2,
        Array.from({ length: 10 }, () => 150),
      ),
    );
    const result = await merge([fast, slow, '-o', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('SLA ✗ expected p95 below 100 ms, got 150 ms (n=100');
    const merged = JSON.parse(await readFile(join(dir, 'out', 'perf-results.json'), 'utf8'));
    expect(merged.totals).toMatchObject({ failed: 1, slaFailed: 1, slaProvisional: 0 });
    expect(merged.splits.map((s: { index: number }) => s.index)).toEqual([1, 2]);
  });

  test('exit 0 and both reports when every SLA holds', async () => {
    const a = await file('a.json', splitResults(1, 2, [10, 20]));
    const b = await file('b.json', splitResults(2, 2, [30, 40]));
    const result = await merge([b, a, '--out', join(dir, 'ok')]);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'ok', 'junit.xml'), 'utf8')).toContain(
      '<property name="sla.toHaveP95Below" value="pass: expected p95 below 100 ms, got 40 ms',
    );
  });

  test('a run no split drove (measure()) is carried over from split 1, its verdicts from every split', async () => {
    const withMeasure = (index: number) => {
      const results = splitResults(index, 2, [10]);
      const measured = toRunMeta(fakeRun([{ latencyMs: 1 }]));
      const verdict = {
        ...p95Verdict(100),
        provisional: undefined,
        judged: undefined,
        message: `held on ${index}`,
      };
      results.tests.push({
        ...results.tests[0],
        name: 'measure',
        fullName: 'measure',
        runs: [measured],
        verdicts: [verdict],
      });
      return results;
    };
    const a = await file('ma.json', withMeasure(1));
    const b = await file('mb.json', withMeasure(2));
    const result = await merge([a, b, '-o', join(dir, 'measure')]);
    expect(result.code).toBe(0);
    const merged = JSON.parse(await readFile(join(dir, 'measure', 'perf-results.json'), 'utf8'));
    const measure = merged.tests.find((t: { name: string }) => t.name === 'measure');
    expect(measure.runs[0].requests.total).toBe(1);
    expect(measure.runs[0].warnings.at(-1)).toMatch(/^not a split run .*the copy of split 1/);
    expect(
      measure.verdicts.map((v: { message: string; split: number }) => [v.split, v.message]),
    ).toEqual([
      [1, 'split 1: held on 1'],
      [2, 'split 2: held on 2'],
    ]);
  });

  test.each([
    [
      'a file that is not JSON',
      async () => [await file('bad.json', '{'), await file('x.json', splitResults(1, 1, [1]))],
      'cannot read',
    ],
    [
      'a file with no split runs',
      async () => [await file('plain.json', splitResults(1, 1, [1], { split: false }))],
      'holds no split runs',
    ],
    [
      'a split given twice',
      async () => [
        await file('d1.json', splitResults(1, 2, [1])),
        await file('d2.json', splitResults(1, 2, [1])),
      ],
      'split 1/2 is in',
    ],
    [
      'splits of different counts',
      async () => [
        await file('c1.json', splitResults(1, 2, [1])),
        await file('c2.json', splitResults(2, 3, [1])),
      ],
      'split different ways',
    ],
    [
      'a test missing from a split',
      async () => [
        await file('m1.json', splitResults(1, 2, [1])),
        await file('m2.json', splitResults(2, 2, [1], { name: 'other' })),
      ],
      'is missing from split 2',
    ],
    [
      'a run split in one split only',
      async () => {
        const plain = splitResults(2, 2, [1], { split: false });
        plain.tests.push(splitResults(2, 2, [1], { name: 'other' }).tests[0]);
        const first = splitResults(1, 2, [1]);
        first.tests.push(splitResults(1, 2, [1], { name: 'other' }).tests[0]);
        return [await file('h1.json', first), await file('h2.json', plain)];
      },
      'run #1 of "load" is missing or not a split run in split 2',
    ],
  ])('exit 3 for %s, nothing written', async (label, paths, message) => {
    const out = join(dir, `never-${label.replace(/\W+/g, '-')}`);
    const result = await merge([...(await paths()), '-o', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(message);
    await expect(readFile(join(out, 'perf-results.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  test('exit 2 for bad flags or no files; 0 for --help', async () => {
    expect((await merge([])).code).toBe(2);
    expect((await merge(['--bogus'])).code).toBe(2);
    expect((await merge(['--help'])).stdout).toContain('usage: vitest-stress merge');
  });
});
