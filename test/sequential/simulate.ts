import { createRandom } from '../../src/random/random.js';
import { createLatencyHistogram, recordLatencyMs } from '../../src/histogram/latency-histogram.js';
import { percentileInterval } from '../../src/trust/percentile-interval.js';
import { SequentialJudge } from '../../src/sequential/monitor.js';
import type { RequestCounts } from '../../src/contracts/run-result.js';

/** One simulated run's outcome: the state it ended in and the second it was decided at. */
export interface SimulatedRun {
  state: 'pass' | 'fail' | 'inconclusive';
  decidedAtS: number;
}

export interface Simulation {
  runs: number;
  seconds: number;
  perSecond: number;
  /** The true p95 as a multiple of the threshold (1 = exactly at it). */
  trueRatio: number;
  seed: number;
}

const THRESHOLD_MS = 100;
const COUNTS: RequestCounts = {
  total: 0,
  ok: 0,
  failed: 0,
  httpErrors: 0,
  errors: 0,
  timeouts: 0,
  cancelled: 0,
  dropped: 0,
};

/** Exponential latencies whose true p95 is trueRatio × THRESHOLD_MS: P(X > p95) = 0.05. */
function sampler(random: () => number, trueRatio: number): () => number {
  const mean = (trueRatio * THRESHOLD_MS) / Math.log(20);
  return () => -Math.log(1 - random()) * mean;
}

/** Seeded runs judged by the sequential method (`until: { p95Below: 100 }`, a look every second). */
export function simulateSequential(sim: Simulation): SimulatedRun[] {
  const out: SimulatedRun[] = [];
  for (let run = 0; run < sim.runs; run++) {
    const random = createRandom(sim.seed * 100_003 + run);
    const draw = sampler(random, sim.trueRatio);
    const histogram = createLatencyHistogram();
    const until = {
      slas: [{ metric: 'p95' as const, threshold: THRESHOLD_MS, percentile: 95 }],
      alpha: 0.05,
      minDurationMs: 1000,
    };
    const judge = new SequentialJudge(until, sim.seconds * 1000, () => ({
      histogram,
      counts: COUNTS,
    }));
    let second = 1;
    for (; second <= sim.seconds; second++) {
      for (let i = 0; i < sim.perSecond; i++) recordLatencyMs(histogram, draw());
      if (second < sim.seconds && judge.look(second * 1000)) break;
    }
    const report = judge.finish(Math.min(second, sim.seconds) * 1000, judge.allDecided(), false);
    out.push({ state: report.verdicts[0]!.state, decidedAtS: report.verdicts[0]!.atMs / 1000 });
  }
  return out;
}

/**
 * The same runs judged the naive way: the fixed-sample 95% interval recomputed every second,
 * stopping at the first conclusive answer.
 */
export function simulateNaive(sim: Simulation): SimulatedRun[] {
  const out: SimulatedRun[] = [];
  for (let run = 0; run < sim.runs; run++) {
    const random = createRandom(sim.seed * 100_003 + run);
    const draw = sampler(random, sim.trueRatio);
    const histogram = createLatencyHistogram();
    let result: SimulatedRun = { state: 'inconclusive', decidedAtS: sim.seconds };
    for (let second = 1; second <= sim.seconds; second++) {
      for (let i = 0; i < sim.perSecond; i++) recordLatencyMs(histogram, draw());
      const interval = percentileInterval(histogram, 95, 0.95);
      if (interval.lowMs !== null && interval.lowMs >= THRESHOLD_MS)
        result = { state: 'fail', decidedAtS: second };
      else if (interval.highMs !== null && interval.highMs < THRESHOLD_MS)
        result = { state: 'pass', decidedAtS: second };
      else continue;
      break;
    }
    out.push(result);
  }
  return out;
}
