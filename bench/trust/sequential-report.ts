import type { Call } from './methods.js';

/** The methods bench/trust-sequential.ts compares, in report order. */
export const SEQUENTIAL_METHODS = [
  'fixed threshold',
  'stop-when-decided threshold',
  'baseline file',
  'fixed A/B',
  'sequential A/B',
] as const;
export type SequentialMethod = (typeof SEQUENTIAL_METHODS)[number];

/** What one method said in one rerun, and the wall time it took to say it. */
export interface Outcome {
  call: Call;
  seconds: number;
}

/** One method's calls over a condition's reruns. */
export interface Tally {
  pass: number;
  fail: number;
  inconclusive: number;
  seconds: number[];
}

/** A condition's tallies and the figures that explain them. */
export interface ConditionResult {
  tallies: Map<SequentialMethod, Tally>;
  /** The calibration run's p95 (port A) and the threshold from it, ms. */
  referenceP95Ms: number;
  thresholdMs: number;
  /** Each rerun's fixed-length p95 of port B, ms. */
  candidateP95Ms: number[];
  /** Reruns in which stop-when-decided gave the fixed threshold's verdict. */
  sameVerdict: number;
  /** Each rerun's sequential A/B ratio estimate and the rounds it used. */
  abRatios: number[];
  roundsUsed: number[];
}

/** The bench's sizes, for the wall-time estimate and the report's heading. */
export interface SequentialSizes {
  reruns: number;
  runMs: number;
  warmupMs: number;
  maxRounds: number;
  roundMs: number;
}

/**
 * Per load() run beside the run itself (start, drain, stop): 0.2–0.26 s a run in the 2026-12-03
 * smoke runs on 2 cores at load average 1–11 (24 A/B rounds of 2 × 1 s took 57.8–60.3 s).
 */
const RUN_OVERHEAD_MS = 250;

/**
 * Minutes one condition takes: `atMost` with every method at its maximum (the until run to
 * --run-ms, the sequential A/B to maxRounds), `typical` with the until run stopping at 40% of
 * its maximum and the A/B at 70% of maxRounds (the order of the 2026-12-03 runs).
 */
export function conditionMinutes(s: SequentialSizes): { atMost: number; typical: number } {
  const run = s.runMs + RUN_OVERHEAD_MS;
  const abRound = 2 * (s.roundMs + RUN_OVERHEAD_MS);
  const setup = s.warmupMs * 2 + run;
  const atMost = setup + s.reruns * (2 * run + s.maxRounds * abRound);
  const typical = setup + s.reruns * (1.4 * run + 0.7 * s.maxRounds * abRound);
  return { atMost: atMost / 60_000, typical: typical / 60_000 };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

/** The Markdown table of both conditions. */
export function printTable(unchanged: ConditionResult, slowed: ConditionResult, n: number): void {
  console.log(
    '| method | false failures (no change) | inconclusive (no change) | detections (25% slower) | ' +
      'inconclusive (slower) | mean s to verdict (no change / slower) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const m of SEQUENTIAL_METHODS) {
    const u = unchanged.tallies.get(m)!;
    const s = slowed.tallies.get(m)!;
    console.log(
      `| ${m} | ${u.fail}/${n} | ${u.inconclusive}/${n} | ${s.fail}/${n} | ` +
        `${s.inconclusive}/${n} | ` +
        `${mean(u.seconds).toFixed(1)} / ${mean(s.seconds).toFixed(1)} |`,
    );
  }
}

/** The lines under the table: the stop-when-decided saving and what the references were. */
export function printFigures(unchanged: ConditionResult, slowed: ConditionResult, n: number): void {
  console.log('');
  for (const [name, c] of [
    ['no change', unchanged],
    ['25% slower', slowed],
  ] as const) {
    const fixedS = mean(c.tallies.get('fixed threshold')!.seconds);
    const untilS = mean(c.tallies.get('stop-when-decided threshold')!.seconds);
    console.log(
      `- ${name}: stop-when-decided gave the fixed threshold's verdict in ${c.sameVerdict}/${n}, ` +
        `${untilS.toFixed(1)} s against ${fixedS.toFixed(1)} s (${(100 * (1 - untilS / fixedS)).toFixed(0)}% ` +
        `shorter); reference p95 ${c.referenceP95Ms.toFixed(1)} ms (threshold ${c.thresholdMs.toFixed(1)}), ` +
        `port B's fixed-run p95 median ${median(c.candidateP95Ms).toFixed(1)} ms ` +
        `(${Math.min(...c.candidateP95Ms).toFixed(1)}–${Math.max(...c.candidateP95Ms).toFixed(1)}); ` +
        `sequential A/B ratio median ${median(c.abRatios).toFixed(3)}, ` +
        `${mean(c.roundsUsed).toFixed(1)} rounds on average`,
    );
  }
}
