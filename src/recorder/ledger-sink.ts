import type { FailureCause, LedgerFileSection, RunLedger } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';

/** A closed ledger: what the result's `ledger` holds (built on first read) and, on disk, its file. */
export interface ClosedLedger {
  read(): RunLedger;
  file?: LedgerFileSection;
}

/**
 * Where the recorder puts each request's fate: the in-memory Ledger, or a ledger that goes to
 * disk (src/ledger-store) handed in by load(). push() arguments as Ledger.push.
 */
export interface LedgerSink {
  readonly length: number;
  push(
    seq: number,
    scenario: string,
    outcome: RequestOutcome,
    status: number,
    text: string | undefined,
    latencyMs: number | undefined,
    sentAtMs: number,
    cause?: FailureCause,
  ): void;
  /** The run is over: no push() after this. */
  close(): ClosedLedger;
}
