import type { LedgerEntry } from '../contracts/run-result.js';
import { AuditIdCounts, NOT_SEEN, SENT } from './audit-id-counts.js';

/** Ids listed at most in each of missing, duplicated and unknown (their counts are exact). */
export const MAX_LISTED_IDS = 1000;

/** How the audit trail compares with the run's ledger. */
export interface AuditComparison {
  /** Requests that received an HTTP response: each must be audited exactly once. */
  expected: number;
  /** Expected ids with no audit record (the first MAX_LISTED_IDS; missingCount counts them all). */
  missing: string[];
  missingCount: number;
  /** Ids with more than one record, and how many (the first MAX_LISTED_IDS by id number). */
  duplicated: Array<{ id: string; count: number }>;
  duplicatedCount: number;
  /** Audited ids this run never sent (the first MAX_LISTED_IDS by id number). */
  unknown: string[];
  unknownCount: number;
  /** Ids of requests without an answer (errors, timeouts, cancelled) that were audited: allowed, not required. */
  auditedWithoutAnswer: number;
  complete: boolean;
}

/**
 * Compare the ids in an audit trail with the run's ledger: an array, or any iterable such as
 * a ledger read from disk one chunk at a time (a partial one throws LedgerIncompleteError).
 * Memory is bounded by the run's length, not by the ids' strings: the audited ids may come one
 * at a time (any iterable) and are counted in typed arrays by sequence number (AuditIdCounts,
 * 5 bytes a request); the ledger is read in one pass; at most MAX_LISTED_IDS ids are listed.
 * `auditedIds` may be an AuditIdCounts an audit source filled page by page (fetchAuditIds):
 * then it is joined as it is, not counted again.
 */
export function compareAuditTrail(
  ledger: Iterable<LedgerEntry> & { readonly length?: number },
  auditedIds: Iterable<string>,
): AuditComparison {
  const audit = countOf(ledger.length, auditedIds);
  const missing: string[] = [];
  let missingCount = 0;
  let expected = 0;
  for (const e of ledger) {
    const answered = e.outcome === 'ok' || e.outcome === 'http-error';
    if (answered) expected++;
    if (audit.see(e.id, answered) === 0 && answered && ++missingCount <= MAX_LISTED_IDS)
      missing.push(e.id);
  }
  const duplicated: AuditComparison['duplicated'] = [];
  const unknown: string[] = [];
  let duplicatedCount = 0;
  let unknownCount = 0;
  let auditedWithoutAnswer = 0;
  for (const { id, count, state } of audit.audited()) {
    if (count > 1 && ++duplicatedCount <= MAX_LISTED_IDS) duplicated.push({ id, count });
    if (state === NOT_SEEN && ++unknownCount <= MAX_LISTED_IDS) unknown.push(id);
    if (state === SENT) auditedWithoutAnswer++;
  }
  return {
    expected,
    missing,
    missingCount,
    duplicated,
    duplicatedCount,
    unknown,
    unknownCount,
    auditedWithoutAnswer,
    complete: missingCount === 0 && duplicatedCount === 0 && unknownCount === 0,
  };
}

function countOf(ledgerLength: number | undefined, auditedIds: Iterable<string>): AuditIdCounts {
  if (auditedIds instanceof AuditIdCounts) {
    auditedIds.fitLedger(ledgerLength ?? 0);
    return auditedIds;
  }
  const audit = new AuditIdCounts(ledgerLength);
  for (const id of auditedIds) audit.add(id);
  return audit;
}
