import type { MatcherState } from 'vitest';
import type { RunSummary } from '../contracts/run-result.js';
import { isRunResult } from '../contracts/run-result.js';
import type { SequentialVerdict } from '../contracts/sequential.js';
import { describeRun } from './describe.js';
import { formatPercent } from '../format/message.js';
import type { ThresholdSpec } from './threshold-spec.js';
import { verdicts, type MatcherResult } from './verdict.js';
import { inconclusivePolicy, type InconclusivePolicy } from '../trust/inconclusive.js';

const METRIC_OF_MATCHER = new Map<string, SequentialVerdict['metric']>([
  ['toHaveP50Below', 'p50'],
  ['toHaveP95Below', 'p95'],
  ['toHaveP99Below', 'p99'],
  ['toHaveErrorRateBelow', 'errorRate'],
]);
const METRIC_OF_PERCENTILE = new Map<number, SequentialVerdict['metric']>([
  [50, 'p50'],
  [95, 'p95'],
  [99, 'p99'],
]);

/**
 * The sequential verdict a stop-when-decided run (`load({ until })`) reached for the SLA this
 * matcher states (same figure, same limit), if it watched that SLA; the matcher then judges
 * with it, so it agrees with the stop.
 */
export function sequentialVerdictFor(
  received: RunSummary,
  spec: ThresholdSpec,
): SequentialVerdict | undefined {
  if (!isRunResult(received) || received.sequential === undefined || spec.direction !== 'below')
    return undefined;
  const metric =
    spec.percentile !== undefined && spec.matcher === 'toHavePercentileBelow'
      ? METRIC_OF_PERCENTILE.get(spec.percentile)
      : METRIC_OF_MATCHER.get(spec.matcher);
  if (metric === undefined) return undefined;
  return received.sequential.verdicts.find(
    (v) => v.metric === metric && v.threshold === spec.threshold,
  );
}

/** Judge a threshold with the run's own sequential verdict (pass / fail / inconclusive). */
export function judgeSequential(
  state: MatcherState,
  summary: RunSummary,
  spec: ThresholdSpec,
  found: {
    verdict: SequentialVerdict;
    observed: number;
    format: (value: number) => string;
    inconclusive?: InconclusivePolicy;
  },
): MatcherResult {
  const { verdict, observed, format } = found;
  const report = isRunResult(summary) ? summary.sequential : undefined;
  const confidence = report?.confidence ?? 0.95;
  const v = verdicts(state, { matcher: spec.matcher, metric: spec.metric, unit: spec.unit });
  const show = (value: number | null) => (value === null ? '?' : format(value));
  const when =
    `decided at ${(verdict.atMs / 1000).toFixed(1)} s of at most ` +
    `${((report?.maxDurationMs ?? 0) / 1000).toFixed(0)} s`;
  const bounds = `bounds [${show(verdict.low)}, ${show(verdict.high)}]`;
  const how =
    verdict.state === 'inconclusive' ? 'undecided when the run ended' : `${when}, ${bounds}`;
  const expectation = `${spec.metric} ${v.isNot ? 'not ' : ''}below ${format(verdict.threshold)}`;
  const message =
    `expected ${expectation} at ${formatPercent(confidence)} confidence over all looks ` +
    `(stop when decided): ${verdict.state}, ${how} — ${spec.metric} ${format(observed)} ` +
    `(${describeRun(summary, spec.countOf?.(summary))})`;
  const interval = {
    low: verdict.low,
    high: verdict.high,
    confidence,
    method: 'sequential-obrien-fleming',
  };
  const fields = { threshold: verdict.threshold, observed, interval };
  return v.stated(verdict.state, found.inconclusive ?? inconclusivePolicy(), message, fields, {
    actual: observed,
    expected: verdict.threshold,
  });
}
