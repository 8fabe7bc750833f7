import type { RunResult } from '../contracts/run-result.js';
import { recordedRunMeta } from '../vitest/current-test.js';
import type { FaultBreakdown } from '../contracts/fault-breakdown.js';
import { joinFaults } from './join-faults.js';
import type { ChaosProxy } from './proxy.js';

/** A run result that carries the proxy's ground truth. */
export type RunResultWithFaults<R extends RunResult = RunResult> = R & { faults: FaultBreakdown };

/**
 * Join `result` with what `proxy` injected and add it as `result.faults` (the same object is
 * returned, its phase()/scenario() accessors intact). When called inside a Vitest test, the
 * section is also added to that run's entry in the test's meta, so the reporters show it.
 */
export function withFaults<R extends RunResult>(
  result: R,
  proxy: Pick<ChaosProxy, 'log' | 'outages' | 'seed' | 'faults'>,
): RunResultWithFaults<R> {
  const breakdown: FaultBreakdown = {
    seed: proxy.seed,
    configured: proxy.faults.map((f) => ({ ...f })),
    ...joinFaults(result, proxy.log(), proxy.outages()),
  };
  const withSection = Object.assign(result, { faults: breakdown });
  const meta = recordedRunMeta(result);
  if (meta) meta.faults = breakdown;
  return withSection;
}

/** The result's faults section, when it has one. */
export function faultsOf(result: unknown): FaultBreakdown | undefined {
  const faults = (result as { faults?: unknown } | null)?.faults;
  return typeof faults === 'object' &&
    faults !== null &&
    'join' in faults &&
    'unexplained' in faults
    ? (faults as FaultBreakdown)
    : undefined;
}
