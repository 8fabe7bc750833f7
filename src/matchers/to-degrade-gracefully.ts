import type { MatcherState } from 'vitest';
import { describeBreakdown } from '../chaos/describe-breakdown.js';
import { faultsOf } from '../chaos/with-faults.js';
import { unexplainedFailures } from '../chaos/join-faults.js';
import { isRunResult, type LedgerEntry, type RunResult } from '../contracts/run-result.js';
import type { UnexplainedFailures } from '../contracts/fault-breakdown.js';
import { describeRun, finishedCount } from './describe.js';
import { describeReceived, formatNumber } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';
import { incompleteMessage } from './incomplete-ledger.js';

/** Options of toDegradeGracefully. */
export interface GracefulOptions {
  /** How far past the run's timeout a request may end before it counts as hanging, ms; default 500. */
  graceMs?: number;
}

const MATCHER = 'toDegradeGracefully';
const DEFAULT_GRACE_MS = 500;

/** The grace in ms for a judgeable run; otherwise the message that says why it cannot be judged. */
function graceOf(received: RunResult, options: GracefulOptions): number | string {
  const graceMs =
    typeof options === 'object' && options !== null
      ? (options.graceMs ?? DEFAULT_GRACE_MS)
      : options;
  if (typeof graceMs !== 'number' || !Number.isFinite(graceMs) || graceMs < 0)
    return `${MATCHER}: graceMs must be a number of ms >= 0, received ${describeReceived(graceMs)}`;
  if (received.ledgerFile?.partial) return `${MATCHER}: ${incompleteMessage(received.ledgerFile)}`;
  if (
    typeof received.ledger?.[Symbol.iterator] !== 'function' ||
    (received.ledger.length === 0 && received.requests.total > 0)
  )
    return (
      `${MATCHER}: the result has no request ledger (ledger: false?), so failures cannot be ` +
      'joined with injected faults'
    );
  return graceMs;
}

/** What is not graceful: unexplained failures (with an example) and requests past timeout + grace. */
function problemsOf(
  u: UnexplainedFailures,
  ungraceful: number,
  hung: readonly LedgerEntry[],
  timeoutMs: number | undefined,
  graceMs: number,
): string[] {
  const problems: string[] = [];
  if (ungraceful > 0) {
    const example = u.examples[0];
    problems.push(
      `${ungraceful} failure(s) not explained by an injected fault, a 503 with Retry-After ` +
        `or a 429, of which ${u.unexpected5xx} unexpected ` +
        '5xx' +
        `${example ? ` (e.g. ${example.id}: ${example.status ?? example.error ?? example.outcome})` : ''}`,
    );
  }
  if (hung.length > 0) {
    const slowest = Math.max(...hung.map((e) => e.latencyMs!));
    problems.push(
      `${hung.length} request(s) ran past the ${formatNumber(timeoutMs!)} ms timeout ` +
        `(+${formatNumber(graceMs)} ms grace), the longest ${formatNumber(slowest)} ms`,
    );
  }
  return problems;
}

/**
 * Passes when every failure is explained: an injected fault, a 503 with Retry-After, or a 429
 * (so no unexpected 5xx and no unexplained timeout or reset), and no request ended later than
 * the run's timeout + `graceMs` after it was sent. With withFaults(result, proxy) injected faults
 * are explained by the proxy's log; without it (no proxy) every failure must be graceful itself.
 */
export function toDegradeGracefully(
  this: MatcherState,
  received: unknown,
  options: GracefulOptions = {},
): MatcherResult {
  const v = verdicts(this, {
    matcher: MATCHER,
    metric: 'ungraceful failures',
    unit: 'requests',
    threshold: 0,
  });
  const fail = (message: string): MatcherResult => v.refuse(message, { observed: null });
  if (!isRunResult(received))
    return fail(
      `${MATCHER}: expected a vitest-stress run result (from load()), received ${describeReceived(received)}`,
    );
  const graceMs = graceOf(received, options);
  if (typeof graceMs === 'string') return fail(graceMs);
  const faults = faultsOf(received);
  const finished = finishedCount(received);
  const context = faults
    ? `${describeRun(received, finished)}; ${describeBreakdown(received, faults)}`
    : describeRun(received, finished);
  if (finished === 0)
    return fail(
      'expected the run to degrade gracefully, but no requests finished to judge ' +
        `(${received.requests.total} sent; ${context})`,
    );

  // Without a fault log (no chaos proxy) nothing was injected: every failure must be graceful on its own.
  const u = faults?.unexplained ?? unexplainedFailures(received.ledger);
  const ungraceful = u.total - u.retryAfter503 - u.tooMany429;
  const timeoutMs =
    typeof received.options?.timeoutMs === 'number' ? received.options.timeoutMs : undefined;
  const hung = timeoutMs === undefined ? [] : hangingRequests(received, timeoutMs + graceMs);
  const problems = problemsOf(u, ungraceful, hung, timeoutMs, graceMs);
  const pass = problems.length === 0;
  const rule =
    'every failure an injected fault, a 503 with Retry-After or a 429; nothing past its ' +
    `${timeoutMs === undefined ? '(unknown)' : `${formatNumber(timeoutMs)} ms`} timeout`;
  const message = pass
    ? `expected the run ${v.isNot ? 'not ' : ''}to degrade gracefully (${rule}): it did (${context})`
    : `expected the run to degrade gracefully (${rule}), but ${problems.join('; ')} (${context})`;
  const observed = ungraceful + hung.length;
  return v.point(pass, message, { observed }, { actual: observed, expected: 0 });
}

/**
 * Requests that ended more than `limitMs` after they were sent. Cancelled ones (still open when
 * the run stopped) have no end and are left out: whether they would have hung is unknown.
 */
function hangingRequests(result: RunResult, limitMs: number): LedgerEntry[] {
  return result.ledger.filter((e) => e.latencyMs !== undefined && e.latencyMs > limitMs);
}
