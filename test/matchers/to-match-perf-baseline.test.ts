import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { MatcherState } from 'vitest';
import { toMatchPerfBaseline } from '../../src/matchers/to-match-perf-baseline.js';
import { noisyRun } from '../helpers/noisy-run.js';
import { linearRun } from '../helpers/fake-run.js';
import { toBaselineEntry } from '../../src/baseline/baseline-entry.js';
import { compareToBaseline } from '../../src/baseline/compare-baseline.js';
import { parseTolerances } from '../../src/baseline/tolerance.js';

type Mode = 'all' | 'new' | 'none';

/** A matcher context as Vitest gives it, pointing at a spec in a temp directory. */
async function context(mode: Mode, testName = 'suite > keeps its p95') {
  const dir = await mkdtemp(join(tmpdir(), 'vs-baseline-'));
  const state = {
    isNot: false,
    testPath: join(dir, 'api.perf.ts'),
    currentTestName: testName,
    snapshotState: { snapshotUpdateState: mode },
  } as unknown as MatcherState;
  return { dir, state, file: join(dir, '__perf__', 'api.perf.ts.json') };
}

const tolerances = { p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('.toMatchPerfBaseline', () => {
  test('the first local run writes __perf__/<spec>.json, keyed by test and run name, and passes', async () => {
    vi.stubEnv('CI', '');
    const { state, file, dir } = await context('new');
    const result = toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    expect(result.pass).toBe(true);
    expect(result.message()).toMatch(
      new RegExp(
        String.raw`^toMatchPerfBaseline: baseline written to .*__perf__\/api\.perf\.ts\.json ` +
          String.raw`for "suite > keeps its p95" \/ default \(profile quick, n=3000`,
      ),
    );
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({
      kind: 'vitest-stress/perf-baseline',
      schemaVersion: 1,
      entries: [
        { test: 'suite > keeps its p95', run: 'default', profile: 'quick', model: 'closed' },
      ],
    });
    expect(saved.entries[0].seconds).toHaveLength(31);
    expect(Object.keys(saved.entries[0].fingerprint)).toEqual([
      'cores',
      'cpuModel',
      'nodeMajor',
      'platform',
      'arch',
    ]);
    expect(await readdir(join(dir, '__perf__'))).toEqual(['api.perf.ts.json']);
  });

  test('then passes an unchanged run, fails a 30% slower one naming metric, values, interval, tolerance', async () => {
    vi.stubEnv('CI', '');
    const { state } = await context('new');
    toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    expect(toMatchPerfBaseline.call(state, noisyRun(2), tolerances).pass).toBe(true);
    const slower = toMatchPerfBaseline.call(state, noisyRun(3, 1.3), tolerances);
    expect(slower.pass).toBe(false);
    expect(slower.message()).toMatch(
      new RegExp(
        String.raw`\n {2}p95: regression — baseline \d+(\.\d+)? ms, now \d+(\.\d+)? ms, ratio 1` +
          String.raw`\.\d\d \(95% bounds 1\.\d\d \.\. 1\.\d\d, block bootstrap \(31 vs 31 blocks` +
          String.raw`\)\) past the tolerance \+10%`,
      ),
    );
  });

  test('in CI a 4 s run 30% slower fails naming p95, baseline value and interval; a twin passes', async () => {
    vi.stubEnv('CI', '');
    const { state } = await context('new');
    const recorded = noisyRun(1);
    toMatchPerfBaseline.call(state, recorded, { p95: '+10%' });
    vi.stubEnv('CI', 'true');
    const short = { n: 1400, durationMs: 3500 };
    const slower = noisyRun(6, 1.3, short);
    const result = toMatchPerfBaseline.call(state, slower, { p95: '+10%' });
    expect(result.pass).toBe(false);
    // The expected figures from the runs themselves, written out here, not by the matcher's code.
    const [comparison] = compareToBaseline(
      toBaselineEntry('x', recorded),
      slower,
      parseTolerances({ p95: '+10%' }),
      { confidence: 0.95, seed: 1 },
    );
    const { low, high, estimate } = comparison!.interval!;
    expect(low).toBeGreaterThan(1.1);
    const baselineMs = String(Number(recorded.latency.p95!.toPrecision(3)));
    const nowMs = String(Number(slower.latency.p95!.toPrecision(3)));
    expect(result.message()).toContain(
      `p95: regression — baseline ${baselineMs} ms, now ${nowMs} ms, ratio ${estimate.toFixed(2)} ` +
        `(95% bounds ${low.toFixed(2)} .. ${high.toFixed(2)}, order-statistics ratio`,
    );
    expect(result.message()).toContain('past the tolerance +10%');
    const twin = toMatchPerfBaseline.call(state, noisyRun(8, 1, { ...short, n: 3000 }), {
      p95: '+10%',
    });
    expect(twin.pass).toBe(true);
    expect(twin.message()).toContain('p95: unchanged — baseline');
  });

  test('a 20-sample run is inconclusive with the reason, and passes unless inconclusive runs fail', async () => {
    vi.stubEnv('CI', '');
    const { state } = await context('new');
    toMatchPerfBaseline.call(state, noisyRun(1), { p95: '+10%' });
    const few = toMatchPerfBaseline.call(state, linearRun(20), { p95: '+10%' });
    expect(few.pass).toBe(true);
    expect(few.message()).toContain('p95: inconclusive — baseline');
    expect(few.message()).toContain(
      '(p95 at 95% confidence needs at least 59 successful responses per run; the baseline had 3000, this run 20)',
    );
    expect(
      toMatchPerfBaseline.call(state, linearRun(20), { p95: '+10%' }, { inconclusive: 'fail' })
        .pass,
    ).toBe(false);
    vi.stubEnv('STRESS_INCONCLUSIVE', 'fail');
    expect(toMatchPerfBaseline.call(state, linearRun(20), { p95: '+10%' }).pass).toBe(false);
  });

  test('in CI a missing baseline fails, saying how to create it, and writes nothing', async () => {
    vi.stubEnv('CI', 'true');
    const { state, dir } = await context('new');
    const result = toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(
      new RegExp(
        String.raw`no perf baseline for "suite > keeps its p95" \/ default in .*, and ` +
          String.raw`baselines are never written in CI\. Create it .*npx vitest run <spec> ` +
          String.raw`-u.*then commit`,
      ),
    );
    expect(await readdir(dir)).toEqual([]);
  });

  test('-u (update mode all) rewrites an existing baseline, even in CI', async () => {
    vi.stubEnv('CI', 'true');
    const { state, file } = await context('all');
    toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    const first = JSON.parse(await readFile(file, 'utf8')).entries[0].latency.p95;
    const again = toMatchPerfBaseline.call(state, noisyRun(3, 1.3), tolerances);
    expect(again.message()).toContain('baseline rewritten to');
    expect(JSON.parse(await readFile(file, 'utf8')).entries[0].latency.p95).toBeGreaterThan(
      first * 1.2,
    );
  });

  test('a baseline from another profile is inconclusive, saying so', async () => {
    vi.stubEnv('CI', '');
    const { state, file } = await context('new');
    toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.entries[0].profile = 'full';
    await writeFile(file, JSON.stringify(saved));
    const result = toMatchPerfBaseline.call(state, noisyRun(3, 1.3), tolerances);
    expect(result.pass).toBe(true);
    expect(result.message()).toContain('p95: inconclusive');
    expect(result.message()).toContain('recorded at profile full, this run is quick');
  });

  test('unknown tolerance keys, bad options, .not and a malformed file are coded errors', async () => {
    const { state, file } = await context('new');
    expect(() => toMatchPerfBaseline.call(state, noisyRun(1), { p59: '+10%' } as never)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_UNKNOWN_OPTION', field: 'p59' }),
    );
    expect(() =>
      toMatchPerfBaseline.call(state, noisyRun(1), tolerances, { confidence: 2 }),
    ).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        field: 'toMatchPerfBaseline.confidence',
      }),
    );
    expect(() =>
      toMatchPerfBaseline.call({ ...state, isNot: true } as MatcherState, noisyRun(1), tolerances),
    ).toThrow(/no \.not/);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{ not json');
    expect(() => toMatchPerfBaseline.call(state, noisyRun(1), tolerances)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_BASELINE_FILE' }),
    );
  });

  test('records one verdict per figure in the test meta, with the baseline value', async ({
    task,
  }) => {
    vi.stubEnv('CI', '');
    const { state } = await context('new');
    toMatchPerfBaseline.call(state, noisyRun(1), tolerances);
    toMatchPerfBaseline.call(state, noisyRun(3, 1.3), tolerances);
    const verdicts = task.meta.vitestStress?.verdicts ?? [];
    expect(verdicts.map((v) => [v.metric, v.state, v.baseline?.outcome])).toEqual([
      ['baseline', 'pass', 'written'],
      ['p95', 'fail', 'regression'],
      ['errorRate', 'pass', 'unchanged'],
      ['throughput', 'pass', 'unchanged'],
    ]);
    expect(verdicts[1]).toMatchObject({
      threshold: '+10%',
      unit: 'ms',
      interval: { confidence: 0.95 },
    });
  });
});
