import type { ThresholdSpec } from '../matchers/threshold-spec.js';
import { thresholdState } from '../matchers/judge-confidence.js';
import { latencySpec } from '../matchers/latency-spec.js';
import { errorRateSpec } from '../matchers/to-have-error-rate-below.js';
import { throughputSpec } from '../matchers/to-have-throughput-above.js';
import type { RunResult } from '../contracts/run-result.js';
import type { VerdictState } from '../contracts/meta.js';
import type { CapacitySla } from './capacity-options.js';
import type { SlaLineVerdict } from '../contracts/capacity.js';

export type { SlaLineVerdict } from '../contracts/capacity.js';

/** The specs of an SLA, the same the threshold matchers use. */
export function slaSpecs(sla: CapacitySla): Array<{ spec: ThresholdSpec; limit: number }> {
  const out: Array<{ spec: ThresholdSpec; limit: number }> = [];
  if (sla.p50 !== undefined)
    out.push({ spec: latencySpec('toHaveP50Below', 50, sla.p50), limit: sla.p50 });
  if (sla.p95 !== undefined)
    out.push({ spec: latencySpec('toHaveP95Below', 95, sla.p95), limit: sla.p95 });
  if (sla.p99 !== undefined)
    out.push({ spec: latencySpec('toHaveP99Below', 99, sla.p99), limit: sla.p99 });
  if (sla.errorRate !== undefined)
    out.push({ spec: errorRateSpec(sla.errorRate), limit: sla.errorRate });
  if (sla.throughput !== undefined)
    out.push({ spec: throughputSpec(sla.throughput), limit: sla.throughput });
  return out;
}

/**
 * Judge every SLA line of `run` with confidence (pass / fail / inconclusive from its interval).
 * Nothing to judge (no successful responses) is a fail: zero samples never pass.
 */
export function judgeLevel(run: RunResult, sla: CapacitySla, confidence: number): SlaLineVerdict[] {
  return slaSpecs(sla).map(({ spec, limit }) => {
    const observed = spec.observe(run);
    const base = { metric: spec.metric, unit: spec.unit, limit };
    if (typeof observed === 'string') {
      return {
        ...base,
        observed: null,
        low: null,
        high: null,
        state: 'fail' as const,
        reason: observed,
      };
    }
    const bounds = spec.bounds(run, confidence);
    const state = thresholdState(bounds, spec.direction, limit);
    const reason =
      state === 'inconclusive'
        ? (bounds.shortfall ?? `bounds [${bounds.low}, ${bounds.high}] straddle ${limit}`)
        : undefined;
    return {
      ...base,
      observed,
      low: bounds.low,
      high: bounds.high,
      state,
      ...(reason ? { reason } : {}),
    };
  });
}

/** A level's state from its lines: any fail fails it; else any inconclusive; else pass. */
export function levelState(lines: SlaLineVerdict[]): VerdictState {
  if (lines.some((l) => l.state === 'fail')) return 'fail';
  if (lines.some((l) => l.state === 'inconclusive')) return 'inconclusive';
  return 'pass';
}
