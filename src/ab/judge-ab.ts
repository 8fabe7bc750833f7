import {
  parseTolerances,
  type BaselineTolerances,
  type PercentileKey,
  type Tolerance,
} from '../baseline/tolerance.js';
import { InvalidOptionError } from '../errors.js';
import { newcombeDifference } from '../trust/proportion-interval.js';
import type { AbResult, AbRound, AbSideFigures } from '../contracts/ab-result.js';
import { pairedLogRatioInterval } from './paired-stats.js';

/**
 * Tolerances per metric, the syntax of toMatchPerfBaseline: p50..p999 '+10%', errorRate '+0.5pp',
 * throughput '-10%'.
 */
export type AbTolerances = BaselineTolerances;
/** A metric an A/B comparison judges. */
export type AbMetric = Tolerance['metric'];

/**
 * pass: no regression shown; fail: a regression (or nothing to judge); inconclusive: the interval
 * straddles the tolerance.
 */
export type AbState = 'pass' | 'fail' | 'inconclusive';

/**
 * The judgement of one metric. Ratios are candidate / baseline; error rates are differences
 * (candidate − baseline, 0..1).
 */
export interface AbMetricJudgement {
  metric: AbMetric;
  /** As written, e.g. '+10%'. */
  tolerance: string;
  /** The line a regression must cross wholly: a ratio (1.10, 0.90) or an error-rate difference (0.005). */
  limit: number;
  unit: 'ratio' | 'difference';
  /** Point estimate and interval bounds; null when there was nothing to judge. */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  state: AbState;
  /** 'regression', 'improvement', 'within tolerance', 'inconclusive' or 'nothing to judge'. */
  call: 'regression' | 'improvement' | 'within tolerance' | 'inconclusive' | 'nothing to judge';
  /** Which bound lies where, in words. */
  reason: string;
}

/** The judgement of an A/B result: the worst metric decides (fail > inconclusive > pass). */
export interface AbJudgement {
  state: AbState;
  confidence: number;
  rounds: number;
  metrics: AbMetricJudgement[];
}

const LATENCY_FIELD: Record<PercentileKey, keyof AbSideFigures> = {
  p50: 'p50Ms',
  p75: 'p75Ms',
  p90: 'p90Ms',
  p95: 'p95Ms',
  p99: 'p99Ms',
  p999: 'p999Ms',
};

/**
 * Judge paired rounds against tolerances (default `{ p95: '+10%' }`). Latencies and throughput:
 * paired t-interval of ln(candidate / baseline) over the rounds, as a ratio interval at
 * `confidence` (each bound one-sided). Error rates: Newcombe's interval of the pooled difference.
 * A regression only when the whole interval lies past the tolerance. Throws coded errors for
 * unknown metrics, malformed tolerances or a confidence outside (0, 1).
 */
export function judgeAb(
  ab: AbResult,
  tolerances: AbTolerances = { p95: '+10%' },
  confidence = 0.95,
): AbJudgement {
  const parsed = parseTolerances(tolerances, 'toShowNoRegression');
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new InvalidOptionError('confidence', confidence, 'a number between 0 and 1, e.g. 0.95');
  }
  const metrics = parsed.map((t) => {
    if (t.metric === 'errorRate')
      return judgeErrorRate(ab.rounds, t.text, t.maxIncrease, confidence);
    return judgeRatio(
      ab.rounds,
      t.metric,
      t.text,
      'maxRatio' in t ? t.maxRatio : t.minRatio,
      confidence,
    );
  });
  const state: AbState = metrics.some((m) => m.state === 'fail')
    ? 'fail'
    : metrics.some((m) => m.state === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  return { state, confidence, rounds: ab.rounds.length, metrics };
}

function judgeRatio(
  rounds: AbRound[],
  metric: Exclude<AbMetric, 'errorRate'>,
  tolerance: string,
  limit: number,
  confidence: number,
): AbMetricJudgement {
  const read = (f: AbSideFigures) =>
    metric === 'throughput' ? f.throughputRps : (f[LATENCY_FIELD[metric]] as number | null);
  const base = { metric, tolerance, limit, unit: 'ratio' as const };
  const missing = missingFigure(rounds, read, metric);
  if (missing)
    return {
      ...base,
      estimate: null,
      lower: null,
      upper: null,
      state: 'fail',
      call: 'nothing to judge',
      reason: missing,
    };
  const iv = pairedLogRatioInterval(
    rounds.map((r) => read(r.baseline) as number),
    rounds.map((r) => read(r.candidate) as number),
    confidence,
  );
  // Latency regresses upwards (limit >= 1), throughput downwards (limit <= 1): mirror throughput.
  const up = metric !== 'throughput';
  const [worse, better] = up ? [iv.lower, iv.upper] : [iv.upper, iv.lower];
  const past = (x: number) => (up ? x > limit : x < limit);
  const mirror = 2 - limit; // 1 − tolerance for latency, 1 + tolerance for throughput
  const bounds = `[${fmt(iv.lower)}, ${fmt(iv.upper)}]`;
  const s = { ...base, estimate: iv.ratio, lower: iv.lower, upper: iv.upper };
  if (past(worse))
    return {
      ...s,
      state: 'fail',
      call: 'regression',
      reason: `the whole interval ${bounds} is ${up ? 'above' : 'below'} ${fmt(limit)}`,
    };
  if (past(better)) {
    return {
      ...s,
      state: 'inconclusive',
      call: 'inconclusive',
      reason:
        `the ${up ? 'upper' : 'lower'} bound ${fmt(better)} is ${up ? 'above' : 'below'} ` +
        `${fmt(limit)}, the ${up ? 'lower' : 'upper'} bound ${fmt(worse)} is not`,
    };
  }
  const improved = up ? iv.upper < mirror : iv.lower > mirror;
  return {
    ...s,
    state: 'pass',
    call: improved ? 'improvement' : 'within tolerance',
    reason:
      `the whole interval ${bounds} is ${up ? 'below' : 'above'} ` +
      `${fmt(limit)}${improved ? ` and ${up ? 'below' : 'above'} ${fmt(mirror)}` : ''}`,
  };
}

function judgeErrorRate(
  rounds: AbRound[],
  tolerance: string,
  limit: number,
  confidence: number,
): AbMetricJudgement {
  const base = { metric: 'errorRate' as const, tolerance, limit, unit: 'difference' as const };
  const pooled = (side: 'baseline' | 'candidate') =>
    rounds.reduce(
      (acc, r) => ({
        failed: acc.failed + r[side].failed,
        finished: acc.finished + r[side].ok + r[side].failed,
      }),
      { failed: 0, finished: 0 },
    );
  const a = pooled('baseline');
  const b = pooled('candidate');
  if (a.finished === 0 || b.finished === 0) {
    const reason = `no request finished on the ${a.finished === 0 ? 'baseline' : 'candidate'} side`;
    return {
      ...base,
      estimate: null,
      lower: null,
      upper: null,
      state: 'fail',
      call: 'nothing to judge',
      reason,
    };
  }
  const iv = newcombeDifference(a.failed, a.finished, b.failed, b.finished, confidence);
  const s = { ...base, estimate: iv.estimate, lower: iv.low, upper: iv.high };
  const bounds = `[${pp(iv.low)}, ${pp(iv.high)}]`;
  if (iv.low > limit)
    return {
      ...s,
      state: 'fail',
      call: 'regression',
      reason: `the whole interval ${bounds} is above ${pp(limit)}`,
    };
  if (iv.high > limit)
    return {
      ...s,
      state: 'inconclusive',
      call: 'inconclusive',
      reason: `the upper bound ${pp(iv.high)} is above ${pp(limit)}, the lower bound ${pp(iv.low)} is not`,
    };
  const improved = iv.high < -limit;
  return {
    ...s,
    state: 'pass',
    call: improved ? 'improvement' : 'within tolerance',
    reason: `the whole interval ${bounds} is below ${pp(limit)}${improved ? ` and below ${pp(-limit)}` : ''}`,
  };
}

function missingFigure(
  rounds: AbRound[],
  read: (f: AbSideFigures) => number | null,
  metric: string,
): string | undefined {
  if (rounds.length < 2) return `${rounds.length} round(s); a paired interval needs at least 2`;
  for (const r of rounds) {
    for (const side of ['baseline', 'candidate'] as const) {
      const value = read(r[side]);
      if (value === null || !(value > 0))
        return `round ${r.round}: the ${side} has no ${metric} (${r[side].ok} successful responses)`;
    }
  }
  return undefined;
}

const fmt = (x: number) => x.toFixed(3);
/** A difference of proportions in percentage points: 0.005 → '+0.50pp'. */
const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}pp`;
