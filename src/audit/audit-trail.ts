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

/** Compare the ids in an audit trail with the run's ledger. */
export function compareAuditTrail(ledger: readonly LedgerEntry[], auditedIds: readonly string[]): AuditComparison {
  const counts = new Map<string, number>();
  for (const id of auditedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const answered = new Set<string>();
  const sent = new Set<string>();
  for (const e of ledger) {
    sent.add(e.id);
    if (e.outcome === 'ok' || e.outcome === 'http-error') answered.add(e.id);
  }
  const missing = [...answered].filter((id) => !counts.has(id));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id, count]) => ({ id, count }));
  const unknown = [...counts.keys()].filter((id) => !sent.has(id));
  let auditedWithoutAnswer = 0;
  for (const id of counts.keys()) if (sent.has(id) && !answered.has(id)) auditedWithoutAnswer++;
  return {
    expected: answered.size,
    missing,
    duplicated,
    unknown,
    auditedWithoutAnswer,
    complete: missing.length === 0 && duplicated.length === 0 && unknown.length === 0,
  };
}
