import type { FaultBreakdown } from '../contracts/fault-breakdown.js';
import type { RunResult } from '../contracts/run-result.js';

/** The resilience verdict of a chaos run: ok / finished against the minimum. */
export interface ResilienceVerdict {
  /** ok / (ok + failed); null when nothing finished (which never passes). */
  successRate: number | null;
  minSuccessRate: number;
  passed: boolean;
}

/** Judge the run: at least `minSuccessRate` of finished requests succeeded; zero finished fails. */
export function resilienceVerdict(run: RunResult, minSuccessRate: number): ResilienceVerdict {
  const finished = run.requests.ok + run.requests.failed;
  const successRate = finished === 0 ? null : run.requests.ok / finished;
  return {
    successRate,
    minSuccessRate,
    passed: successRate !== null && successRate >= minSuccessRate,
  };
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** What the command was asked to inject, for the header of the block. */
export interface ChaosPlan {
  target: string;
  proxyUrl: string;
  seed: number;
  users: number;
  durationS: number;
  timeoutRate: number;
  networkErrorRate: number;
  slowRate: number;
  slowMs: number;
}

/**
 * The seed's chaos_test.py result block: totals, success share, the failure breakdown (timeouts,
 * network errors, slow responses, server errors) and `RESILIENCE CHECK: PASSED` / `FAILED`.
 */
export function chaosBlock(
  run: RunResult & { faults: FaultBreakdown },
  plan: ChaosPlan,
  verdict: ResilienceVerdict,
): string {
  const r = run.requests;
  const s = run.faults.summary;
  const rule = '='.repeat(60);
  const share = verdict.successRate === null ? 'n/a (nothing finished)' : pct(verdict.successRate);
  const unexplained = run.faults.unexplained.total;
  return [
    rule,
    'CHAOS TEST RESULTS',
    rule,
    `  Target:            ${plan.target} (through the chaos proxy ${plan.proxyUrl}, seed ${plan.seed})`,
    `  Injected:          timeouts ${pct(plan.timeoutRate)}, network errors ` +
      `${pct(plan.networkErrorRate)}, slow responses ${pct(plan.slowRate)} (${plan.slowMs} ms)`,
    `  Load:              ${plan.users} users for ${plan.durationS} s ` +
      `(${(run.durationMs / 1000).toFixed(1)} s measured)`,
    `  Total requests:    ${r.total}${r.cancelled ? ` (${r.cancelled} still in flight at the end, not judged)` : ''}`,
    `  Successful:        ${r.ok} (${share} of ${r.ok + r.failed} finished)`,
    `  Failed:            ${r.failed}`,
    '  Failure breakdown:',
    `    Timeouts:        ${s.timeouts}`,
    `    Network errors:  ${s.networkErrors}`,
    `    Slow responses:  ${s.slowResponses} (answered, slowed on purpose)`,
    `    Server errors:   ${s.serverErrors}`,
    ...(s.clientErrors ? [`    Client errors:   ${s.clientErrors}`] : []),
    `    Not explained by an injected fault: ${unexplained}`,
    '',
    `RESILIENCE CHECK: ${verdict.passed ? 'PASSED' : 'FAILED'} (success ${share}, required ` +
      `>= ${pct(verdict.minSuccessRate)})`,
    '',
  ].join('\n');
}
