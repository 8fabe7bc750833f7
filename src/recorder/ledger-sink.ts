import type { FailureCause, LedgerFileSection, RunLedger } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';

/** A closed ledger: what the result's `ledger` holds (built on first read) and, on disk, its file. */
export interface ClosedLedger {
  read(): RunLedger;
  file?: LedgerFileSection;
}

/**
 * One request's fate, as positional arguments so that no row object is built per request:
 * the one append signature of every ledger (in memory, on disk, spilling). `status` is 0
 * without an answer; `text` the error message, or the Retry-After of an http-error;
 * `latencyMs` unrounded, undefined for cancelled requests; `sentAtMs` ms since the run
 * started, unrounded; `cause` set when the generator caused the failure.
 */
export interface LedgerAppender {
  /** Rows appended so far. */
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
}

/** One request's fate as a tuple of LedgerAppender.push's arguments (tests, replays). */
export type LedgerPushArgs = Parameters<LedgerAppender['push']>;

/**
 * Where the recorder puts each request's fate: the in-memory Ledger, or a ledger that goes to
 * disk (src/ledger-store) handed in by load().
 */
export interface LedgerSink extends LedgerAppender {
  /** The run is over: no push() after this. */
  close(): ClosedLedger;
}
