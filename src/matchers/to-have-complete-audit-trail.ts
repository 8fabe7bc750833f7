import type { MatcherState } from 'vitest';
import { incompleteMessage } from './incomplete-ledger.js';
import { fetchAuditIds, type AuditSource } from '../audit/audit-source.js';
import { compareAuditTrail, type AuditComparison } from '../audit/audit-trail.js';
import { isRunResult, type RunResult } from '../contracts/run-result.js';
import { describeReceived } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';

/** Options of toHaveCompleteAuditTrail. */
export interface AuditTrailOptions {
  /** Keep re-reading the trail this long (ms) while records are missing: audit writes may be batched. Default 5000. */
  settleMs?: number;
}

const POLL_MS = 250;

function examples(ids: readonly string[]): string {
  return ids.length ? ` (e.g. ${ids.slice(0, 3).join(', ')})` : '';
}

/** One line saying how the trail compares. */
export function describeAudit(c: AuditComparison): string {
  return (
    `${c.missingCount} of ${c.expected} answered requests missing${examples(c.missing)}, ` +
    `${c.duplicatedCount} duplicated${examples(c.duplicated.map((d) => `${d.id}×${d.count}`))}, ` +
    `${c.unknownCount} unknown${examples(c.unknown)}`
  );
}

/**
 * Passes when every request of the run that received an HTTP response appears in the audit
 * trail exactly once and no audit record carries an id of this run's prefix that was never sent.
 * Async: `await expect(run).toHaveCompleteAuditTrail({ exportUrl: service.url })`.
 */
export async function toHaveCompleteAuditTrail(
  this: MatcherState,
  received: unknown,
  source: AuditSource,
  options: AuditTrailOptions = {},
): Promise<MatcherResult> {
  const v = verdicts(this, {
    matcher: 'toHaveCompleteAuditTrail',
    metric: 'audit trail',
    unit: 'records',
    threshold: 'exactly once',
  });
  const isNot = v.isNot;
  const fail = (message: string, observed: number | null = null): MatcherResult =>
    v.refuse(message, { observed });
  if (!isRunResult(received))
    return fail(
      'toHaveCompleteAuditTrail: expected a vitest-stress run result from load(), received ' +
        `${describeReceived(received)}`,
    );
  const run = received as RunResult;
  if (run.ledgerFile?.partial)
    return fail(`toHaveCompleteAuditTrail: ${incompleteMessage(run.ledgerFile)}`);
  if (run.ledger.length === 0) {
    return fail(
      run.requests.total > 0
        ? 'toHaveCompleteAuditTrail: the run kept no ledger (ledger: false), so there are no request ids to check'
        : 'expected a complete audit trail, but the run sent no requests to check',
    );
  }
  const idPrefix = String(run.options.requestIdPrefix ?? '');
  if (!idPrefix)
    return fail(
      'toHaveCompleteAuditTrail: the run has no request id prefix to find its records by',
    );
  const query = { idPrefix, sinceMs: Date.parse(run.startedAt) };
  const settleMs = options.settleMs ?? 5000;
  const deadline = Date.now() + settleMs;
  let comparison: AuditComparison;
  try {
    for (;;) {
      comparison = compareAuditTrail(run.ledger, await fetchAuditIds(source, query));
      if (comparison.complete || comparison.missingCount === 0 || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    return fail(`toHaveCompleteAuditTrail: ${(error as Error).message}`);
  }
  if (comparison.expected === 0)
    return fail(
      'expected a complete audit trail, but no request received an HTTP response ' +
        `(${run.requests.total} sent), so there is nothing to check`,
      0,
    );
  const pass = comparison.complete;
  const message = isNot
    ? `expected the audit trail to be incomplete, but all ${comparison.expected} answered requests appear exactly once`
    : `expected every answered request to appear exactly once in the audit trail: ${describeAudit(comparison)}`;
  const observed = comparison.missingCount + comparison.duplicatedCount + comparison.unknownCount;
  return v.point(pass, message, { observed });
}
