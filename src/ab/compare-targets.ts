import { runLoad } from '../load.js';
import { activeProfileName } from '../options/profile.js';
import type { RunResult } from '../contracts/run-result.js';
import { currentTest, recordAbInTest } from '../vitest/current-test.js';
import { validateCompareOptions, type AbPlan } from './ab-options.js';
import type { CompareTargetsOptions } from './ab-types.js';
import type { AbResult, AbRound, AbSideFigures } from '../contracts/ab-result.js';
import { lookAtRounds, sequentialAbReport, type AbLook } from './sequential-ab.js';

type Side = 'baseline' | 'candidate';

/**
 * Run the same load against two targets in alternating paired rounds — A B, B A, A B, … (ABBA
 * order, A = baseline) — so that a drift of the machine hits both alike, and return the
 * per-round figures of both sides. Judge the result with `expect(ab).toShowNoRegression(...)`.
 * Each run lasts `duration` (or sends `requests`); the whole comparison takes about
 * 2 × rounds × duration (+ 2 × warmup). The result is recorded in the running test's meta
 * (perf-results.json `tests[].ab`); the individual runs are not. Throws only for bad options.
 */
export async function compareTargets(options: CompareTargetsOptions): Promise<AbResult> {
  const plan = validateCompareOptions(options);
  const test = currentTest();
  const startedAt = new Date().toISOString();
  const warnings: string[] = [];
  const run = async (
    side: Side,
    label: string,
    extra: Partial<CompareTargetsOptions> = {},
  ): Promise<RunResult> => {
    const result = await runLoad(
      { ...plan.load, ...extra, target: plan[side], name: runName(plan, side, label) },
      test,
    );
    for (const w of result.warnings) warnings.push(`${side} ${label}: ${w}`);
    return result;
  };
  if (plan.warmupMs > 0) {
    for (const side of ['baseline', 'candidate'] as const)
      await run(side, 'warm-up', { duration: plan.warmupMs, requests: undefined });
  }
  const rounds: AbRound[] = [];
  let look: AbLook | undefined;
  for (let r = 1; r <= plan.rounds && !plan.load.signal?.aborted; r++) {
    const order = r % 2 === 1 ? 'AB' : 'BA';
    const figures = new Map<Side, AbSideFigures>();
    for (const side of order === 'AB'
      ? (['baseline', 'candidate'] as const)
      : (['candidate', 'baseline'] as const)) {
      figures.set(side, sideFigures(await run(side, `round ${r}`)));
    }
    rounds.push({
      round: r,
      order,
      baseline: figures.get('baseline')!,
      candidate: figures.get('candidate')!,
    });
    if (plan.sequential && r % 2 === 0 && r >= plan.sequential.minRounds) {
      look = lookAtRounds(rounds, header(plan), plan.sequential);
      if (look.state !== 'inconclusive') break;
    }
  }
  const decided = look !== undefined && look.state !== 'inconclusive';
  if (rounds.length < plan.rounds && !decided)
    warnings.push(`aborted after ${rounds.length} of ${plan.rounds} rounds`);
  const result: AbResult = {
    kind: 'vitest-stress/ab',
    schemaVersion: 1,
    ...(typeof plan.load.name === 'string' ? { name: plan.load.name } : {}),
    baseline: plan.baseline,
    candidate: plan.candidate,
    order: rounds.map((r) => (r.order === 'AB' ? 'AB' : 'BA')).join(''),
    ...(plan.roundDurationMs !== undefined ? { roundDurationMs: plan.roundDurationMs } : {}),
    warmupMs: plan.warmupMs,
    profile: activeProfileName(),
    startedAt,
    rounds,
    warnings,
    ...(plan.sequential
      ? {
          sequential: sequentialAbReport(
            plan.sequential,
            rounds.length,
            look,
            plan.load.signal?.aborted === true,
          ),
        }
      : {}),
  };
  recordAbInTest(result, test);
  return result;
}

/** What judgeAb reads besides the rounds (nothing of it decides a verdict). */
function header(plan: AbPlan): Omit<AbResult, 'rounds'> {
  return {
    kind: 'vitest-stress/ab',
    schemaVersion: 1,
    baseline: plan.baseline,
    candidate: plan.candidate,
    order: '',
    warmupMs: plan.warmupMs,
    profile: activeProfileName(),
    startedAt: '',
    warnings: [],
  };
}

function runName(plan: AbPlan, side: Side, label: string): string {
  return `${typeof plan.load.name === 'string' ? `${plan.load.name}: ` : ''}${side} ${label}`;
}

/** The figures of one run that the A/B judgement uses. */
export function sideFigures(run: RunResult): AbSideFigures {
  return {
    p50Ms: run.latency.p50,
    p75Ms: run.latency.p75,
    p90Ms: run.latency.p90,
    p95Ms: run.latency.p95,
    p99Ms: run.latency.p99,
    p999Ms: run.latency.p999,
    errorRate: run.errorRate,
    throughputRps: run.throughput,
    total: run.requests.total,
    ok: run.requests.ok,
    failed: run.requests.failed,
    durationMs: run.durationMs,
  };
}
