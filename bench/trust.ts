/**
 * Trust benchmark (issue 11, item 5): how often does each way of gating on p95 fail a build
 * that did not change (false failures), and how often does it catch a 25% slowdown (detections)?
 *
 *   npx tsx bench/trust.ts [--reruns=20] [--rounds=8] [--round-ms=1000] [--users=40] [--service-ms=100] [--burners=2]
 *
 * Default size: ≈ 20 min on a quiet 2-core machine (40 jobs of ≈ 28 s); --reruns=3 for a try.
 *
 * A seeded two-port server (bench/servers/noisy-pair.mjs: log-normal service times with median
 * --service-ms, 1% stalls)
 * runs in a child process, with `--burners` CPU burners beside it. Condition "no change": both
 * ports identical; "slowdown": port B's service time × 1.25. Each rerun is one CI job:
 *   - one load() of the candidate for rounds × round-ms (the single-run methods judge it):
 *     plain threshold (p95 < calibrated p95 × 1.10), the same threshold with { confidence: 0.95 },
 *     and the baseline file (p95 '+10%' against a calibration run recorded at the start);
 *   - compareTargets(A, B, rounds) judged by p95 '+10%' at confidence 0.95 (A/B rounds).
 * Prints a Markdown table: false failures and detections per method, with the inconclusive counts.
 */
import os from 'node:os';
import { compareTargets } from '../src/ab/compare-targets.js';
import { judgeAb } from '../src/ab/judge-ab.js';
import { load } from '../src/load.js';
import type { RunResult } from '../src/contracts/run-result.js';
import {
  abRounds,
  baselineFile,
  confidenceThreshold,
  METHODS,
  plainThreshold,
  referenceFrom,
  type Call,
  type Method,
} from './trust/methods.js';
import { numberArg, trustSettings } from './trust/args.js';
import { bothConditions } from './trust/conditions.js';
import { startNoisyPair } from './trust/processes.js';

const settings = trustSettings({ reruns: 20, serviceMs: 100, burners: 2 });
const ROUNDS = numberArg('rounds', 8);
const SINGLE_MS = ROUNDS * settings.roundMs;

type Tally = Record<Call, number>;
const emptyTally = (): Tally => ({ pass: 0, fail: 0, inconclusive: 0 });

/** One CI job: the single run for the single-run methods and one A/B comparison; what each method called. */
async function rerun(
  urls: { baselineUrl: string; candidateUrl: string },
  ref: ReturnType<typeof referenceFrom>,
  seed: number,
): Promise<{ calls: Map<Method, Call>; abRatio: number | null }> {
  const single: RunResult = await load({
    target: urls.candidateUrl,
    users: settings.users,
    duration: SINGLE_MS,
    ledger: false,
    seed,
    progress: false,
  });
  const ab = await compareTargets({
    baseline: urls.baselineUrl,
    candidate: urls.candidateUrl,
    rounds: ROUNDS,
    users: settings.users,
    duration: settings.roundMs,
    seed,
    progress: false,
  });
  const p95 = judgeAb(ab, { p95: settings.tolerance }, settings.confidence).metrics[0];
  console.error(
    `  single p95 ${single.latency.p95} ms (n=${single.latency.count}); A/B p95 ratio ` +
      `${p95.estimate?.toFixed(3)} [${p95.lower?.toFixed(3)}, ${p95.upper?.toFixed(3)}]`,
  );
  const calls = new Map<Method, Call>([
    ['plain threshold', plainThreshold(single, ref)],
    ['confidence threshold', confidenceThreshold(single, ref, settings.confidence)],
    ['baseline file', baselineFile(single, ref, settings.tolerance, settings.confidence, seed)],
    ['A/B rounds', abRounds(ab, settings.tolerance, settings.confidence)],
  ]);
  return { calls, abRatio: p95.estimate };
}

/** Calibrate, then `settings.reruns` jobs against a fresh server pair whose port B is `factorB` × slower. */
async function condition(
  name: string,
  factorB: number,
  seed: number,
): Promise<{ tallies: Map<Method, Tally>; ratios: number[] }> {
  const pair = await startNoisyPair(seed, factorB, settings.serviceMs);
  const tallies = new Map<Method, Tally>(METHODS.map((m) => [m, emptyTally()]));
  const ratios: number[] = [];
  try {
    // The reference a team would have recorded earlier: one run of the unchanged service (port A).
    const calibration = await load({
      target: pair.baselineUrl,
      users: settings.users,
      duration: SINGLE_MS,
      ledger: false,
      seed,
      progress: false,
    });
    const ref = referenceFrom(calibration, 0.1);
    console.error(
      `${name}: calibration p95 ${calibration.latency.p95} ms ` +
        `(n=${calibration.latency.count}), threshold ${ref.thresholdMs.toFixed(1)} ms`,
    );
    for (let i = 0; i < settings.reruns; i++) {
      const { calls, abRatio } = await rerun(pair, ref, seed + i + 1);
      if (abRatio !== null) ratios.push(abRatio);
      for (const [method, call] of calls) tallies.get(method)![call]++;
      console.error(
        `${name} rerun ${i + 1}/${settings.reruns}: ${[...calls].map(([m, c]) => `${m}=${c}`).join(', ')}`,
      );
    }
  } finally {
    await pair.close();
  }
  return { tallies, ratios };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const { unchanged, slowed, minutes, loadBefore } = await bothConditions(
  settings.burners,
  settings.slowdown,
  condition,
);

console.log(
  `\n### Trust benchmark (${os.cpus().length} cores, ` +
    `${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ` +
    `${settings.burners} CPU burners, ` +
    `${minutes} min)\n`,
);
console.log(
  `reruns ${settings.reruns} per condition; ${ROUNDS} A/B rounds of ${settings.roundMs} ms per ` +
    `side; single runs ${SINGLE_MS} ms; ${settings.users} users; median service ` +
    `${settings.serviceMs} ms; p95 tolerance ` +
    `${settings.tolerance}; confidence ${settings.confidence}`,
);
console.log(
  `1-minute load average ${loadBefore.toFixed(1)} at the start, ` +
    `${os.loadavg()[0].toFixed(1)} at the end (other sessions share the machine)\n`,
);
console.log(
  '| method | false failures (no change) | inconclusive (no change) | detections (25% ' +
    'slower) | inconclusive (slower) |',
);
console.log('|---|---|---|---|---|');
const n = settings.reruns;
for (const m of METHODS) {
  const u = unchanged.tallies.get(m)!;
  const s = slowed.tallies.get(m)!;
  console.log(
    `| ${m} | ${u.fail}/${n} | ${u.inconclusive}/${n} | ${s.fail}/${n} | ${s.inconclusive}/${n} |`,
  );
}
console.log(
  `\nA/B p95 ratio (candidate/baseline) as the client measured it, median over the reruns: ` +
    `no change ${median(unchanged.ratios).toFixed(3)}, slowdown ` +
    `${median(slowed.ratios).toFixed(3)} (the server's service time was ${settings.slowdown}x).`,
);
