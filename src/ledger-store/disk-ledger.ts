import type { FailureCause, LedgerEntry } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import { CAUSES, OUTCOMES } from '../recorder/ledger.js';
import {
  LedgerFileWriter,
  DEFAULT_CHUNK_ROWS,
  type LedgerFileIo,
  type LedgerFileStatus,
} from './ledger-file-writer.js';
import { readLedgerChunks } from './ledger-file-reader.js';
import { StreamedLedger } from './streamed-ledger.js';

const OUTCOME_CODE = new Map(OUTCOMES.map((outcome, code) => [outcome, code]));
const CAUSE_CODE = new Map(CAUSES.map((cause, code) => [cause, code]));

/**
 * The request ledger on disk: the same push() as the in-memory Ledger, memory bounded by one
 * chunk whatever the run's length. close() ends the writing; entries() then reads it back
 * lazily, one chunk at a time, as the same LedgerEntry objects the in-memory ledger gives.
 */
export class DiskLedger extends StreamedLedger {
  private readonly writer: LedgerFileWriter;
  private closed: LedgerFileStatus | undefined;

  constructor(
    private readonly idPrefix: string,
    path: string,
    chunkRows = DEFAULT_CHUNK_ROWS,
    io?: LedgerFileIo,
  ) {
    super();
    this.writer = new LedgerFileWriter(path, chunkRows, io);
  }

  /** Rows added so far. */
  get length(): number {
    return this.writer.status().rows;
  }

  /** Add one request's fate (arguments as Ledger.push). */
  push(
    seq: number,
    scenario: string,
    outcome: RequestOutcome,
    status: number,
    text: string | undefined,
    latencyMs: number | undefined,
    sentAtMs: number,
    cause?: FailureCause,
  ): void {
    const w = this.writer;
    w.set('seq', seq);
    w.set('outcome', OUTCOME_CODE.get(outcome)!);
    w.set('status', status);
    w.set('scenario', w.intern(scenario));
    w.set('text', text === undefined ? 0 : w.intern(text) + 1);
    w.set('latencyMs', latencyMs === undefined ? NaN : roundToMicros(latencyMs));
    w.set('sentAtMs', roundToMicros(sentAtMs));
    w.set('cause', cause === undefined ? 0 : CAUSE_CODE.get(cause)!);
    w.endRow();
  }

  /** Write the last chunk and close the file: the final status (lost rows, error). */
  close(): LedgerFileStatus {
    this.closed ??= this.writer.close();
    return this.closed;
  }

  /** The file's status: final once closed. */
  status(): LedgerFileStatus {
    return this.closed ?? this.writer.status();
  }

  /** Entries in the order they were added, read one chunk at a time (throws on a partial file). */
  *[Symbol.iterator](): Iterator<LedgerEntry> {
    for (const { rows, columns: c, strings } of readLedgerChunks(this.close())) {
      for (let i = 0; i < rows; i++) {
        yield toEntry(
          this.idPrefix + c.seq[i],
          strings[c.scenario[i]],
          c.outcome[i],
          c.status[i],
          c.text[i] === 0 ? undefined : strings[c.text[i] - 1],
          c.latencyMs[i],
          c.sentAtMs[i],
          c.cause[i],
        );
      }
    }
  }
}

/** One row as a LedgerEntry, keys in the in-memory ledger's order. */
function toEntry(
  id: string,
  scenario: string,
  outcomeCode: number,
  status: number,
  text: string | undefined,
  latencyMs: number,
  sentAtMs: number,
  causeCode: number,
): LedgerEntry {
  const outcome = OUTCOMES[outcomeCode];
  if (outcome === 'cancelled') return { id, scenario, outcome, sentAtMs };
  const entry: LedgerEntry = { id, scenario, outcome, latencyMs, sentAtMs };
  if (outcome === 'ok' || outcome === 'http-error') {
    entry.status = status;
    if (text !== undefined) entry.retryAfter = text;
  } else {
    entry.error = text;
    const cause = CAUSES[causeCode];
    if (cause !== undefined) entry.cause = cause;
  }
  return entry;
}

function roundToMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
