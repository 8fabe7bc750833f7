import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LedgerEntry } from '../../src/contracts/run-result.js';
import { decodeHistogram } from '../../src/histogram/latency-histogram.js';
import type { MergedPerfResults } from '../../src/merge/merge-splits.js';
import {
  removeChildVitestDirs,
  runChildVitest,
  type ChildVitestExit,
} from '../helpers/child-vitest.js';
import { startCountingServer } from './counting-server.js';

type Exit = Omit<ChildVitestExit, 'out'>;

const root = resolve(import.meta.dirname, '../..');
const TSX = join(root, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(root, 'src/cli/main.ts');
const SPLITS = 3;

/** Run a node script (the CLI under tsx) from the project root in CI mode. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The value at `percentile` by nearest rank, as HdrHistogram counts it. */
function nearestRank(sorted: number[], percentile: number): number {
  return sorted[Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1)];
}

let server: Awaited<ReturnType<typeof startCountingServer>>;
let out: string;
let splitExits: ChildVitestExit[];
const shardResults = (i: number) => join(out, `shard-${i}`, 'perf-results.json');
const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(path, 'utf8')) as T;

beforeAll(async () => {
  server = await startCountingServer();
  out = await mkdtemp(join(tmpdir(), 'vs-split-'));
  for (let i = 1; i <= SPLITS; i++) await mkdir(join(out, `shard-${i}`), { recursive: true });
  // Every split waits for one common start, as CI runners would.
  const startAt = String(Date.now() + 15_000);
  splitExits = await Promise.all(
    Array.from({ length: SPLITS }, (_, i) =>
      runChildVitest('test/split/split-project', {
        STRESS_SPLIT: `${i + 1}/${SPLITS}`,
        STRESS_START_AT: startAt,
        TARGET_URL: server.url,
        VS_SPLIT_OUT: join(out, `shard-${i + 1}`),
        LEDGER_OUT: join(out, `shard-${i + 1}`, 'ledger.json'),
      }),
    ),
  );
}, 180_000);
afterAll(async () => {
  await server?.close();
  await removeChildVitestDirs();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('a load split over 3 processes, merged', () => {
  test('every split passes its own job: its SLA verdicts are provisional', async () => {
    expect(splitExits.map((e) => e.code)).toEqual([0, 0, 0]);
    const split3 = await readJson<MergedPerfResults>(shardResults(3));
    const [errorRate] = split3.tests[0].verdicts;
    expect(errorRate).toMatchObject({
      matcher: 'toHaveErrorRateBelow',
      provisional: true,
      pass: false,
      judged: { run: 0, kind: 'run' },
    });
    expect(split3.totals).toMatchObject({
      passed: 1,
      failed: 0,
      slaPassed: 0,
      slaFailed: 0,
      slaProvisional: 2,
    });
    const junit3 = await readFile(join(out, 'shard-3', 'junit.xml'), 'utf8');
    expect(junit3).toMatch(
      /<property name="sla.toHaveErrorRateBelow" value="provisional fail: expected error rate below 5%/,
    );
    expect(junit3).not.toContain('<failure');
    const split1 = await readJson<MergedPerfResults>(shardResults(1));
    expect(split1.tests[0].runs[0].split).toMatchObject({ index: 1, count: 3 });
    expect(split1.tests[0].verdicts[0]).toMatchObject({ provisional: true, pass: true });
  });

  test('merges exactly, re-judges the whole and fails on the breach only the whole shows', async () => {
    const merged = await run([
      TSX,
      CLI,
      'merge',
      ...[1, 2, 3].map(shardResults),
      '-o',
      join(out, 'merged'),
    ]);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('SLA ✗ expected error rate below 5%, got 16.7%');
    const results = await readJson<MergedPerfResults>(join(out, 'merged', 'perf-results.json'));
    const [whole] = results.tests[0].runs;

    const splits = await Promise.all(
      [1, 2, 3].map((i) => readJson<MergedPerfResults>(shardResults(i))),
    );
    const splitTotals = splits.map((s) => s.tests[0].runs[0].requests.total);
    expect(splitTotals).toEqual([200, 200, 200]);
    expect(whole.requests.total).toBe(splitTotals.reduce((a, b) => a + b, 0));
    expect(whole.requests.total).toBe(await server.counted());

    const ledgers = await Promise.all(
      [1, 2, 3].map((i) => readJson<LedgerEntry[]>(join(out, `shard-${i}`, 'ledger.json'))),
    );
    const pooled = ledgers.flat();
    expect(new Set(pooled.map((e) => e.id)).size).toBe(whole.requests.total);
    expect(ledgers.map((l) => new Set(l.map((e) => e.id.slice(0, 3))))).toEqual([
      new Set(['s1-']),
      new Set(['s2-']),
      new Set(['s3-']),
    ]);
    expect(whole.merged?.splits.map((s) => s.requests)).toEqual(splitTotals);
    const latencies = pooled
      .filter((e) => e.outcome === 'ok')
      .map((e) => e.latencyMs!)
      .sort((a, b) => a - b);
    expect(whole.latency.count).toBe(latencies.length);
    for (const [key, p] of [
      ['p50', 50],
      ['p95', 95],
      ['p99', 99],
    ] as const) {
      const exact = nearestRank(latencies, p);
      // HDR with 3 significant digits: within 0.1% of the value (plus the 1 µs rounding).
      expect(Math.abs(whole.latency[key]! - exact)).toBeLessThanOrEqual(exact * 0.001 + 0.001);
    }

    // The seconds' histograms travel in each split's file and are added in the merged one: one
    // per merged second, their counts the run's successes (what a baseline comparison resamples).
    for (const split of splits)
      expect(split.tests[0].runs[0].secondHistograms).toHaveLength(
        split.tests[0].runs[0].timeline.length,
      );
    expect(whole.secondHistograms).toHaveLength(whole.timeline.length);
    const perSecond = whole.secondHistograms!.map((h) => (h ? decodeHistogram(h).totalCount : 0));
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(latencies.length);

    const [errorRate, p99] = results.tests[0].verdicts;
    expect(errorRate).toMatchObject({
      matcher: 'toHaveErrorRateBelow',
      pass: false,
      threshold: 0.05,
    });
    expect(errorRate.provisional).toBeUndefined();
    expect(errorRate.observed).toBeCloseTo(whole.errorRate, 12);
    expect(p99).toMatchObject({
      matcher: 'toHaveP99Below',
      pass: true,
      observed: whole.latency.p99,
    });
    expect(results.tests[0].state).toBe('failed');
    expect(await readFile(join(out, 'merged', 'junit.xml'), 'utf8')).toMatch(
      /<failure message="expected error rate below 5%, got [\d.]+%/,
    );
  });

  test('a missing split fails the merge, naming it', async () => {
    const merged = await run([
      TSX,
      CLI,
      'merge',
      shardResults(1),
      shardResults(3),
      '-o',
      join(out, 'partial'),
    ]);
    expect(merged.code).toBe(3);
    expect(merged.stderr).toContain('missing split 2/3: got 1, 3 of 3');
  });

  test('a split whose run failed fails the merge, naming it', async () => {
    const failed = await readJson<MergedPerfResults>(shardResults(2));
    failed.tests[0].state = 'failed';
    failed.tests[0].errors = ['connect ECONNREFUSED'];
    const path = join(out, 'failed-2.json');
    await writeFile(path, JSON.stringify(failed));
    const merged = await run([
      TSX,
      CLI,
      'merge',
      shardResults(1),
      path,
      shardResults(3),
      '-o',
      join(out, 'failed'),
    ]);
    expect(merged.code).toBe(3);
    expect(merged.stderr).toContain(
      `split 2/3 (${path}): "checkout under load" failed: connect ECONNREFUSED`,
    );
  });
});
