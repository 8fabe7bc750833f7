import type { FailureCause, LedgerEntry } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import { newColumnChunk, type ColumnChunk } from '../ledger-store/columns.js';
import type { ClosedLedger, LedgerSink } from './ledger-sink.js';
import { LedgerRows, entryAt } from './ledger-rows.js';

export { CAUSES, OUTCOMES } from './ledger-rows.js';

/** Rows per chunk: the columns of one chunk take 256 KB; the ledger grows a chunk at a time, never copying. */
export const CHUNK_ROWS = 8192;

/** One request's fate as an object (Ledger.add; the recorder uses push() and builds none). */
export interface LedgerRow {
  seq: number;
  scenario: string;
  outcome: RequestOutcome;
  /** HTTP status, 0 without an answer. */
  status: number;
  /** Error message (error, timeout), or the Retry-After of an http-error. */
  text: string | undefined;
  /** Unrounded; undefined for cancelled requests. */
  latencyMs: number | undefined;
  /** ms since the run started, unrounded. */
  sentAtMs: number;
  /** Set when the generator caused the failure. */
  cause?: FailureCause;
}

/**
 * The request-id ledger kept compact in memory: typed-array columns (32 bytes a request
 * instead of ≈ 200 for an object with an id string), strings interned, ids rebuilt from
 * prefix + sequence number. entries() gives the LedgerEntry[] users see.
 */
export class Ledger extends LedgerRows implements LedgerSink {
  /** Full chunks, oldest first; the chunk being filled is `chunk`. */
  protected readonly kept: ColumnChunk[] = [];

  constructor(
    protected readonly idPrefix: string,
    chunkRows = CHUNK_ROWS,
  ) {
    super(chunkRows);
  }

  /** Add one request's fate; rows keep the order they were added in. */
  add(row: LedgerRow): void {
    const { seq, scenario, outcome, status, text, latencyMs, sentAtMs, cause } = row;
    this.push(seq, scenario, outcome, status, text, latencyMs, sentAtMs, cause);
  }

  /** The run is over: result.ledger is the entries() array, built on first read. */
  close(): ClosedLedger {
    return { read: () => this.entries() };
  }

  /** The ledger as plain objects, in the order the rows were added. */
  entries(): LedgerEntry[] {
    const out: LedgerEntry[] = new Array(this.kept.length * this.chunkRows + this.at);
    let i = 0;
    for (const chunk of this.kept) {
      for (let row = 0; row < this.chunkRows; row++)
        out[i++] = entryAt(chunk, row, this.strings, this.idPrefix);
    }
    for (let row = 0; row < this.at; row++)
      out[i++] = entryAt(this.chunk, row, this.strings, this.idPrefix);
    return out;
  }

  protected chunkFull(full: ColumnChunk): ColumnChunk {
    this.kept.push(full);
    return newColumnChunk(this.chunkRows);
  }
}
