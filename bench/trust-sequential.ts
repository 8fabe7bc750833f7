/**
 * Trust benchmark, sequential edition (issue 21): for five ways of gating on p95 — fixed-length
 * threshold, stop-when-decided threshold (`load({ until })`), baseline file, fixed A/B rounds and
 * sequential A/B (`compareTargets({ sequential })`) — false failures in unchanged reruns,
 * detections of a 25% slowdown, and the mean seconds each method took to reach its verdict.
 *
 *   npx tsx bench/trust-sequential.ts [--reruns=20] [--run-ms=8000] [--rounds=4] [--max-rounds=24]
 *     [--round-ms=1000] [--warmup-ms=2000] [--users=40] [--service-ms=50] [--burners=0]
 *   (TRUST_RERUNS=N is the same as --reruns=N)
 *
 * It prints its own estimate of the wall time at the start (every method at its maximum, and a
 * typical figure); at the defaults at most ≈ 26 min per condition, typically ≈ 18. --reruns=1 to try.
 * The server is bench/servers/noisy-pair.mjs (as in bench/trust.ts): port B's service time is
 * 1.25 × port A's in the slowdown condition. Each condition starts with a warm-up of both ports
 * (--warmup-ms, discarded: the first run after the server starts is cold) and a calibration run of
 * port A (the reference). Each rerun is one CI job that runs, in turn:
 *   - a fixed `load()` of port B for --run-ms: the fixed threshold (p95 < reference × 1.10 at
 *     confidence 0.95) and the baseline file (p95 '+10%') judge it;
 *   - a `load({ until: { p95Below: the same threshold } })` of port B with --run-ms as its maximum;
 *   - compareTargets(A, B, { sequential: { minRounds: 4, maxRounds } }) judged at p95 '+10%',
 *     confidence 0.95 over all looks; its first --rounds rounds are the fixed A/B (judged at 0.95).
 * --run-ms 8000: a look each second can save at most (run − 1) looks, so a 3 s maximum could not
 * show the saving a suite's longer maximum gets; at 8 s the baseline file is judged by its block
 * bootstrap (which needs 5 s), as a suite's would be, not by the short-run fallback.
 * --max-rounds 24: the six-burner run of 2026-12-03 (8/20 with 4 fixed rounds, 15/20 over 12) fits
 * rounds whose log ratios spread by ≈ 0.15; for those the sequential design detects ≈ 97% over 20
 * rounds (fewer than 19 of 20 about one time in eight) and ≈ 98.5% over 24 (one in thirty).
 * Rounds shorter than the service's latency on a loaded machine leave a side with no response, which
 * every A/B judge calls a failure ("nothing to judge"): keep --round-ms ≥ 1000 there.
 * Prints a Markdown table. `--burners=N` starts N CPU burners (bench/servers/cpu-burner.mjs) beside it.
 */
import os from 'node:os';
import { compareTargets } from '../src/ab/compare-targets.js';
import { judgeAb } from '../src/ab/judge-ab.js';
import { load } from '../src/load.js';
import { abRounds, baselineFile, confidenceThreshold, referenceFrom } from './trust/methods.js';
import type { Reference } from './trust/methods.js';
import { numberArg, trustSettings } from './trust/args.js';
import { bothConditions } from './trust/conditions.js';
import { startNoisyPair } from './trust/processes.js';
import {
  conditionMinutes,
  printFigures,
  printTable,
  SEQUENTIAL_METHODS,
  type ConditionResult,
  type Outcome,
  type SequentialMethod,
  type Tally,
} from './trust/sequential-report.js';

const settings = trustSettings({
  reruns: Number(process.env.TRUST_RERUNS ?? 20),
  serviceMs: 50,
  burners: 0,
});
const RUN_MS = numberArg('run-ms', 8000);
const ROUNDS = numberArg('rounds', 4);
const MAX_ROUNDS = numberArg('max-rounds', 24);
const WARMUP_MS = numberArg('warmup-ms', 2000);
const SIZES = { ...settings, runMs: RUN_MS, warmupMs: WARMUP_MS, maxRounds: MAX_ROUNDS };

const elapsedS = (fromMs: number) => (performance.now() - fromMs) / 1000;
const common = { users: settings.users, ledger: false, progress: false } as const;
type Entries = ReadonlyArray<readonly [SequentialMethod, Outcome]>;

/** The two threshold runs of one job: the fixed length, then stop when decided. */
async function thresholdRuns(url: string, ref: Reference, seed: number) {
  let t0 = performance.now();
  const fixed = await load({ ...common, target: url, duration: RUN_MS, seed });
  const fixedS = elapsedS(t0);
  t0 = performance.now();
  const until = { p95Below: ref.thresholdMs, confidence: settings.confidence, minDuration: '1s' };
  const watched = await load({ ...common, target: url, duration: RUN_MS, until, seed });
  const watchedS = elapsedS(t0);
  const verdict = watched.sequential!.verdicts[0];
  console.error(
    `  fixed p95 ${fixed.latency.p95?.toFixed(1)} ms (n=${fixed.latency.count}); until: ${verdict.state} ` +
      `at ${verdict.atMs} ms [${verdict.low?.toFixed(1) ?? '?'}, ${verdict.high?.toFixed(1) ?? '?'}] ` +
      `vs ${ref.thresholdMs.toFixed(1)}`,
  );
  const fixedCall = confidenceThreshold(fixed, ref, settings.confidence);
  const baselineCall = baselineFile(fixed, ref, settings.tolerance, settings.confidence, seed);
  const entries: Entries = [
    ['fixed threshold', { call: fixedCall, seconds: fixedS }],
    ['stop-when-decided threshold', { call: verdict.state, seconds: watchedS }],
    ['baseline file', { call: baselineCall, seconds: fixedS }],
  ];
  return { entries, p95Ms: fixed.latency.p95 ?? NaN, same: fixedCall === verdict.state };
}

/**
 * The A/B comparisons of one job: one sequential comparison; the fixed A/B is its first `ROUNDS`
 * rounds judged at 0.95 (the same rounds a fixed comparison would have run; its seconds are the
 * sequential comparison's time per round × ROUNDS).
 */
async function abRuns(urls: { baselineUrl: string; candidateUrl: string }, seed: number) {
  const targets = { baseline: urls.baselineUrl, candidate: urls.candidateUrl };
  const sequential = {
    minRounds: 4,
    maxRounds: MAX_ROUNDS,
    tolerances: { p95: settings.tolerance },
  };
  const t0 = performance.now();
  const seq = await compareTargets({
    ...common,
    ...targets,
    sequential,
    duration: settings.roundMs,
    seed,
  });
  const seqS = elapsedS(t0);
  const fixed = { ...seq, rounds: seq.rounds.slice(0, ROUNDS) };
  const judged = (ab: typeof fixed, confidence: number) =>
    judgeAb(ab, { p95: settings.tolerance }, confidence).metrics[0];
  const text = (m: ReturnType<typeof judged>) =>
    m.estimate === null
      ? m.reason
      : `${m.estimate.toFixed(3)} [${m.lower?.toFixed(3)}, ${m.upper?.toFixed(3)}]`;
  const report = seq.sequential!;
  const last = judged(seq, report.lookConfidence);
  console.error(
    `  A/B ratio fixed ${text(judged(fixed, settings.confidence))}; ` +
      `sequential ${report.state} after ${report.roundsUsed} rounds ${text(last)}`,
  );
  const logRatio = (r: (typeof seq.rounds)[number]) =>
    r.baseline.p95Ms && r.candidate.p95Ms ? Math.log(r.candidate.p95Ms / r.baseline.p95Ms) : NaN;
  console.error(
    `  per round ${seq.rounds.map((r) => `${r.order} ${r.baseline.p95Ms}/${r.candidate.p95Ms}`).join(', ')}` +
      ` ms; ln ratios ${seq.rounds.map((r) => logRatio(r).toFixed(2)).join(' ')}`,
  );
  const fixedS = (seqS / seq.rounds.length) * Math.min(ROUNDS, seq.rounds.length);
  const entries: Entries = [
    [
      'fixed A/B',
      { call: abRounds(fixed, settings.tolerance, settings.confidence), seconds: fixedS },
    ],
    ['sequential A/B', { call: report.state, seconds: seqS }],
  ];
  return { entries, ratio: last.estimate ?? NaN, roundsUsed: report.roundsUsed };
}

/**
 * Warm both ports up, calibrate on port A, then `settings.reruns` jobs against a server pair whose
 * port B is `factorB` × slower.
 */
async function condition(name: string, factorB: number, seed: number): Promise<ConditionResult> {
  const pair = await startNoisyPair(seed, factorB, settings.serviceMs);
  const tallies = new Map<SequentialMethod, Tally>(
    SEQUENTIAL_METHODS.map((m) => [m, { pass: 0, fail: 0, inconclusive: 0, seconds: [] }]),
  );
  const result = { tallies, candidateP95Ms: [] as number[], abRatios: [] as number[] };
  const counts = { sameVerdict: 0, roundsUsed: [] as number[] };
  try {
    for (const target of WARMUP_MS > 0 ? [pair.baselineUrl, pair.candidateUrl] : []) {
      const warm = await load({ ...common, target, duration: WARMUP_MS, seed });
      console.error(`${name}: warm-up of ${target}: p95 ${warm.latency.p95} ms (discarded)`);
    }
    // The reference a team would have recorded earlier: one run of the unchanged service (port A).
    const calibration = await load({ ...common, target: pair.baselineUrl, duration: RUN_MS, seed });
    const ref = referenceFrom(calibration, 0.1);
    console.error(
      `${name}: calibration p95 ${calibration.latency.p95} ms, threshold ${ref.thresholdMs.toFixed(1)} ms`,
    );
    for (let i = 0; i < settings.reruns; i++) {
      const threshold = await thresholdRuns(pair.candidateUrl, ref, seed + i + 1);
      const ab = await abRuns(pair, seed + i + 1);
      const outcomes = [...threshold.entries, ...ab.entries];
      for (const [method, { call, seconds }] of outcomes) {
        const tally = tallies.get(method)!;
        tally[call]++;
        tally.seconds.push(seconds);
      }
      result.candidateP95Ms.push(threshold.p95Ms);
      result.abRatios.push(ab.ratio);
      counts.sameVerdict += threshold.same ? 1 : 0;
      counts.roundsUsed.push(ab.roundsUsed);
      const line = outcomes.map(([m, o]) => `${m}=${o.call} ${o.seconds.toFixed(1)}s`).join(', ');
      console.error(`${name} rerun ${i + 1}/${settings.reruns}: ${line}`);
    }
    const referenceP95Ms = calibration.latency.p95 ?? NaN;
    return { ...result, ...counts, referenceP95Ms, thresholdMs: ref.thresholdMs };
  } finally {
    await pair.close();
  }
}

const estimate = conditionMinutes(SIZES);
console.error(
  `trust-sequential: ${settings.reruns} reruns per condition, runs of ${RUN_MS} ms, A/B up to ` +
    `${MAX_ROUNDS} rounds of 2 × ${settings.roundMs} ms; estimated wall time per condition at most ` +
    `${estimate.atMost.toFixed(1)} min (typically ≈ ${estimate.typical.toFixed(1)}), both conditions ` +
    `at most ${(2 * estimate.atMost).toFixed(1)} min; load average ${os.loadavg()[0].toFixed(1)}`,
);
const { unchanged, slowed, minutes, loadBefore } = await bothConditions(
  settings.burners,
  settings.slowdown,
  condition,
);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\n### Trust benchmark, sequential (${os.cpus().length} cores, ${cpu}, Node ${process.version}, ${minutes} min)\n`,
);
console.log(
  `reruns ${settings.reruns} per condition; runs of ${RUN_MS} ms (the until run's maximum); ` +
    `warm-up ${WARMUP_MS} ms per port; ` +
    `A/B ${ROUNDS} fixed rounds or 4..${MAX_ROUNDS} sequential, ${settings.roundMs} ms per side; ` +
    `${settings.users} users; median service ${settings.serviceMs} ms; ` +
    `p95 tolerance ${settings.tolerance}; confidence ${settings.confidence}; ` +
    `${settings.burners} burners started by the bench`,
);
console.log(
  `1-minute load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`,
);
printTable(unchanged, slowed, settings.reruns);
printFigures(unchanged, slowed, settings.reruns);
