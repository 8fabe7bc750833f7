import type { LedgerEntry, RunLedger } from '../contracts/run-result.js';
import { StreamedLedger } from '../ledger-store/streamed-ledger.js';

/** Adds `journey` and `journeyId` to a step request's entry (leaves other entries alone). */
export type LinkEntry = (entry: LedgerEntry) => LedgerEntry;

/**
 * A journey run's ledger read from disk: each entry of the run's ledger, linked to its journey
 * as it is read, one chunk in memory at a time (as for plain runs: nothing is materialised).
 */
export class JourneyLedger extends StreamedLedger {
  constructor(
    private readonly inner: RunLedger,
    private readonly link: LinkEntry,
  ) {
    super();
  }

  get length(): number {
    return this.inner.length;
  }

  *[Symbol.iterator](): Iterator<LedgerEntry> {
    for (const entry of this.inner) yield this.link(entry);
  }
}

/**
 * The result's ledger of a journey run: an in-memory ledger (an array, built on this read) gets its
 * entries linked in place and stays the usual array; a ledger on disk is wrapped and streamed.
 */
export function journeyLedger(inner: RunLedger | LedgerEntry[], link: LinkEntry): RunLedger {
  if (Array.isArray(inner)) {
    for (const entry of inner) link(entry);
    return inner;
  }
  return new JourneyLedger(inner as RunLedger, link);
}
