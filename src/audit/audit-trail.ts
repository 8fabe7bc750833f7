import type { LedgerEntry } from '../contracts/run-result.js';

/** How the audit trail compares with the run's ledger. */
export interface AuditComparison {
  /** Requests that received an HTTP response: each must be audited exactly once. */
  expected: number;
  /** Expected ids with no audit record. */
  missing: string[];
  /** Ids with more than one record, and how many. */
  duplicated: Array<{ id: string; count: number }>;
  /** Audited ids this run never sent. */
  unknown: string[];
  /** Ids of requests without an answer (errors, timeouts, cancelled) that were audited: allowed, not required. */
  auditedWithoutAnswer: number;
  complete: boolean;
}

/**
 * Compare the ids in an audit trail with the run's ledger: an array, or any iterable such as a
 * DiskLedger read one chunk at a time (a partial one throws LedgerIncompleteError).
 */
export function compareAuditTrail(
  ledger: Iterable<LedgerEntry>,
  auditedIds: readonly string[],
): AuditComparison {
  const counts = new Map<string, number>();
  for (const id of auditedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  // One pass over the ledger, keeping state only for audited ids (1 sent, 2 answered): no set of
  // every ledger id, so a ledger read from disk one chunk at a time stays out of memory.
  const seen = new Map<string, 1 | 2>();
  const missing: string[] = [];
  let expected = 0;
  for (const e of ledger) {
    const answered = e.outcome === 'ok' || e.outcome === 'http-error';
    if (answered) expected++;
    if (counts.has(e.id)) seen.set(e.id, answered || seen.get(e.id) === 2 ? 2 : 1);
    else if (answered) missing.push(e.id);
  }
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id, count]) => ({ id, count }));
  const unknown = [...counts.keys()].filter((id) => !seen.has(id));
  let auditedWithoutAnswer = 0;
  for (const state of seen.values()) if (state === 1) auditedWithoutAnswer++;
  return {
    expected,
    missing,
    duplicated,
    unknown,
    auditedWithoutAnswer,
    complete: missing.length === 0 && duplicated.length === 0 && unknown.length === 0,
  };
}
