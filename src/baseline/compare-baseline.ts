import type { RunResult } from '../contracts/run-result.js';
import { bootstrapMeanRatio, bootstrapQuantileRatio } from '../trust/block-bootstrap.js';
import { decodeSparse, type SparseHistogram } from '../trust/histogram-ranks.js';
import { orderStatisticQuantileRatio } from '../trust/quantile-ratio.js';
import { minSamplesForQuantile } from '../trust/order-statistic-ranks.js';
import { newcombeDifference } from '../trust/proportion-interval.js';
import { MIN_THROUGHPUT_SECONDS, perSecondFinished } from '../trust/throughput-interval.js';
import type { BaselineEntry } from './baseline-entry.js';
import { PERCENTILE_KEYS, type Tolerance } from './tolerance.js';

/**
 * regression: worse beyond the tolerance; improvement: better; unchanged: within the tolerance;
 * inconclusive: neither shown.
 */
export type ComparisonOutcome = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';

/** The comparison of one figure with its baseline. */
export interface MetricComparison {
  tolerance: Tolerance;
  /** Unit of `baseline` and `current`: ms, fraction (error rate) or rps. */
  unit: 'ms' | 'fraction' | 'rps';
  baseline: number | null;
  current: number | null;
  /** Interval of current/baseline (latency, throughput) or current − baseline (error rate); each bound one-sided. */
  interval: {
    estimate: number;
    low: number;
    high: number;
    confidence: number;
    method: string;
  } | null;
  outcome: ComparisonOutcome;
  /** Why the outcome is inconclusive. */
  reason?: string;
}

/**
 * What a comparison reads of a run: a load() result, or a run of a perf-results.json (a merged
 * split run carries its seconds' histograms too).
 */
export type ComparedRun = Pick<
  RunResult,
  | 'profile'
  | 'model'
  | 'durationMs'
  | 'requests'
  | 'errorRate'
  | 'throughput'
  | 'latency'
  | 'timeline'
  | 'secondHistograms'
>;

/** Settings of a comparison. */
export interface CompareOptions {
  confidence: number;
  seed: number;
}

/** Fewest seconds with successful responses, per run, for the block bootstrap of a percentile. */
export const MIN_LATENCY_BLOCKS = 5;

/** Outcome of an interval against the tolerance: `worse` and `better` say which side is which. */
function outcomeOf(
  low: number,
  high: number,
  limit: number,
  neutral: number,
  higherIsWorse: boolean,
): ComparisonOutcome {
  if (higherIsWorse)
    return low > limit
      ? 'regression'
      : high < neutral
        ? 'improvement'
        : high <= limit
          ? 'unchanged'
          : 'inconclusive';
  return high < limit
    ? 'regression'
    : low > neutral
      ? 'improvement'
      : low >= limit
        ? 'unchanged'
        : 'inconclusive';
}

function comparePercentile(
  entry: BaselineEntry,
  run: ComparedRun,
  t: Extract<Tolerance, { kind: 'ratio'; maxRatio: number }>,
  o: CompareOptions,
): MetricComparison {
  const q = PERCENTILE_KEYS[t.metric] / 100;
  const base: MetricComparison = {
    tolerance: t,
    unit: 'ms',
    baseline: entry.latency[t.metric],
    current: run.latency[t.metric],
    interval: null,
    outcome: 'inconclusive',
  };
  const needed = minSamplesForQuantile(q, o.confidence);
  if (entry.latency.count < needed || run.latency.count < needed) {
    return {
      ...base,
      reason:
        `${t.metric} at ${o.confidence * 100}% confidence needs at least ${needed} successful ` +
        `responses per run; the baseline had ${entry.latency.count}, this run ` +
        `${run.latency.count}`,
    };
  }
  const before = entry.seconds.map((s) => decodeSparse(s.histogram)).filter((h) => h.total > 0);
  const now = (run.secondHistograms ?? []).map(decodeSparse).filter((h) => h.total > 0);
  if (before.length < MIN_LATENCY_BLOCKS || now.length < MIN_LATENCY_BLOCKS)
    return compareShortRun(base, before, now, q, t, o);
  const r = bootstrapQuantileRatio(before, now, q, { confidence: o.confidence, seed: o.seed });
  return latencyRatioComparison(
    base,
    r,
    `block bootstrap (${r.blocks[0]} vs ${r.blocks[1]} blocks)`,
    t,
    o,
  );
}

/** A latency ratio's interval against its tolerance: regression, improvement, unchanged or inconclusive. */
function latencyRatioComparison(
  base: MetricComparison,
  r: { estimate: number; low: number; high: number },
  method: string,
  t: Extract<Tolerance, { kind: 'ratio'; maxRatio: number }>,
  o: CompareOptions,
): MetricComparison {
  const interval = {
    estimate: r.estimate,
    low: r.low,
    high: r.high,
    confidence: o.confidence,
    method,
  };
  const outcome = outcomeOf(r.low, r.high, t.maxRatio, 1, true);
  return {
    ...base,
    interval,
    outcome,
    ...(outcome === 'inconclusive'
      ? { reason: `the ratio's bounds straddle the tolerance ${t.maxRatio.toFixed(2)}` }
      : {}),
  };
}

/**
 * A run (or baseline) with fewer than MIN_LATENCY_BLOCKS seconds with responses: too few blocks for
 * the block bootstrap, so the ratio of the two order-statistic intervals judges it (independent
 * samples assumed; docs/trust.md says why that is only for short runs).
 */
function compareShortRun(
  base: MetricComparison,
  before: SparseHistogram[],
  now: SparseHistogram[],
  q: number,
  t: Extract<Tolerance, { kind: 'ratio'; maxRatio: number }>,
  o: CompareOptions,
): MetricComparison {
  const r = orderStatisticQuantileRatio(before, now, q, o.confidence);
  if (r === null)
    return {
      ...base,
      reason: `${t.metric}: too few responses for an order-statistics interval on both sides`,
    };
  const blocks =
    `${before.length} vs ${now.length} s, shorter than the ${MIN_LATENCY_BLOCKS} s the block ` +
    'bootstrap needs';
  return latencyRatioComparison(base, r, `order-statistics ratio (${blocks})`, t, o);
}

function compareErrorRate(
  entry: BaselineEntry,
  run: ComparedRun,
  t: Extract<Tolerance, { metric: 'errorRate' }>,
  o: CompareOptions,
): MetricComparison {
  const n1 = entry.requests.ok + entry.requests.failed;
  const n2 = run.requests.ok + run.requests.failed;
  const base: MetricComparison = {
    tolerance: t,
    unit: 'fraction',
    baseline: entry.errorRate,
    current: run.errorRate,
    interval: null,
    outcome: 'inconclusive',
  };
  if (n1 === 0 || n2 === 0)
    return { ...base, reason: `no finished requests to compare (baseline ${n1}, this run ${n2})` };
  const d = newcombeDifference(entry.requests.failed, n1, run.requests.failed, n2, o.confidence);
  const outcome = outcomeOf(d.low, d.high, t.maxIncrease, 0, true);
  return {
    ...base,
    interval: {
      estimate: d.estimate,
      low: d.low,
      high: d.high,
      confidence: o.confidence,
      method: 'newcombe',
    },
    outcome,
    ...(outcome === 'inconclusive'
      ? { reason: `the difference's bounds straddle the tolerance ${t.text}` }
      : {}),
  };
}

function compareThroughput(
  entry: BaselineEntry,
  run: ComparedRun,
  t: Extract<Tolerance, { metric: 'throughput' }>,
  o: CompareOptions,
): MetricComparison {
  const before = entry.seconds
    .filter((s) => (s.t + 1) * 1000 <= entry.durationMs)
    .map((s) => s.requests);
  const now = perSecondFinished(run.timeline, run.durationMs);
  const base: MetricComparison = {
    tolerance: t,
    unit: 'rps',
    baseline: entry.throughput,
    current: run.throughput,
    interval: null,
    outcome: 'inconclusive',
  };
  if (
    before.length < MIN_THROUGHPUT_SECONDS ||
    now.length < MIN_THROUGHPUT_SECONDS ||
    before.every((c) => c === 0)
  ) {
    return {
      ...base,
      reason:
        `throughput needs at least ${MIN_THROUGHPUT_SECONDS} whole seconds with requests per ` +
        `run; the baseline had ${before.length}, this run ${now.length}`,
    };
  }
  const r = bootstrapMeanRatio(before, now, { confidence: o.confidence, seed: o.seed });
  const outcome = outcomeOf(r.low, r.high, t.minRatio, 1, false);
  return {
    ...base,
    interval: {
      estimate: r.estimate,
      low: r.low,
      high: r.high,
      confidence: o.confidence,
      method: `per-second bootstrap (${r.blocks[0]} vs ${r.blocks[1]} s)`,
    },
    outcome,
    ...(outcome === 'inconclusive'
      ? { reason: `the ratio's bounds straddle the tolerance ${t.minRatio.toFixed(2)}` }
      : {}),
  };
}

/** Why the baseline is not comparable at all (profile, model or machine differ), or undefined. */
export function incomparability(
  entry: BaselineEntry,
  run: ComparedRun,
  machineDifference: string | undefined,
): string | undefined {
  const parts: string[] = [];
  if (entry.profile !== run.profile)
    parts.push(`recorded at profile ${entry.profile}, this run is ${run.profile}`);
  if (entry.model !== run.model)
    parts.push(`recorded with the ${entry.model} model, this run is ${run.model}`);
  if (machineDifference) parts.push(`recorded on another machine (${machineDifference})`);
  return parts.length
    ? `the baseline is not comparable: ${parts.join('; ')}; rerun with vitest -u here to re-record it`
    : undefined;
}

/** Compare a run with its baseline entry, one figure per tolerance. */
export function compareToBaseline(
  entry: BaselineEntry,
  run: ComparedRun,
  tolerances: Tolerance[],
  options: CompareOptions,
): MetricComparison[] {
  return tolerances.map((t) => {
    if (t.metric === 'errorRate') return compareErrorRate(entry, run, t, options);
    if (t.metric === 'throughput') return compareThroughput(entry, run, t, options);
    return comparePercentile(entry, run, t, options);
  });
}
