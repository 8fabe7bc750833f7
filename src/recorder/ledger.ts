import type { FailureCause, LedgerEntry } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import type { ClosedLedger, LedgerSink } from './ledger-sink.js';

/** Rows per chunk: the columns of one chunk take 250 KB; the ledger grows a chunk at a time, never copying. */
const CHUNK_ROWS = 8192;

export const OUTCOMES: readonly RequestOutcome[] = [
  'ok',
  'http-error',
  'error',
  'timeout',
  'cancelled',
];
const OUTCOME_CODE = new Map(OUTCOMES.map((outcome, code) => [outcome, code]));
const OK = OUTCOME_CODE.get('ok')!;
const CANCELLED = OUTCOME_CODE.get('cancelled')!;
const HTTP_ERROR = OUTCOME_CODE.get('http-error')!;
/** Causes by code; code 0 is none. */
export const CAUSES: readonly (FailureCause | undefined)[] = [undefined, 'client-timeout-chaos'];
const CAUSE_CODE = new Map(CAUSES.map((cause, code) => [cause, code]));

/** One chunk of rows, a typed array per field. */
interface Chunk {
  /** Up to 2^32 - 1: a ledger that long would take > 100 GB. */
  seq: Uint32Array;
  outcome: Uint8Array;
  status: Uint16Array;
  scenario: Uint32Array;
  /** Index + 1 in the text table (error message, or Retry-After of an http-error); 0 for none. */
  text: Uint32Array;
  /** Rounded to the µs as LedgerEntry has it; NaN for cancelled requests. */
  latencyMs: Float64Array;
  sentAtMs: Float64Array;
  /** Code in CAUSES; 0 for none. */
  cause: Uint8Array;
}

/** One request's fate as the recorder hands it over. */
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
 * The request-id ledger kept compact during a run: typed-array columns (32 bytes a request
 * instead of ≈ 200 for an object with an id string), scenario names and error texts interned,
 * ids rebuilt from prefix + sequence number. entries() gives the LedgerEntry[] users see.
 */
export class Ledger implements LedgerSink {
  private readonly chunks: Chunk[] = [];
  private readonly scenarios = new Interned();
  private readonly texts = new Interned();
  private rows = 0;

  constructor(private readonly idPrefix: string) {}

  /** Rows added so far. */
  get length(): number {
    return this.rows;
  }

  /** Add one request's fate; rows keep the order they were added in. */
  add(row: LedgerRow): void {
    this.push(
      row.seq,
      row.scenario,
      row.outcome,
      row.status,
      row.text,
      row.latencyMs,
      row.sentAtMs,
      row.cause,
    );
  }

  /** add() with the row's fields as arguments (no row object per request). */
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
    const at = this.rows % CHUNK_ROWS;
    if (at === 0) this.chunks.push(newChunk());
    const chunk = this.chunks[this.chunks.length - 1];
    chunk.seq[at] = seq;
    chunk.outcome[at] = OUTCOME_CODE.get(outcome)!;
    chunk.status[at] = status;
    chunk.scenario[at] = this.scenarios.index(scenario);
    chunk.text[at] = text === undefined ? 0 : this.texts.index(text) + 1;
    chunk.latencyMs[at] = latencyMs === undefined ? NaN : roundToMicros(latencyMs);
    chunk.sentAtMs[at] = roundToMicros(sentAtMs);
    chunk.cause[at] = cause === undefined ? 0 : CAUSE_CODE.get(cause)!;
    this.rows++;
  }

  /** The run is over: result.ledger is the entries() array, built on first read. */
  close(): ClosedLedger {
    return { read: () => this.entries() };
  }

  /** Hand every row, in order, to `push` (a DiskLedger's, when a growing ledger moves to disk). */
  replay(push: LedgerSink['push']): void {
    for (let i = 0; i < this.rows; i++) {
      const c = this.chunks[Math.floor(i / CHUNK_ROWS)];
      const at = i % CHUNK_ROWS;
      const text = c.text[at] === 0 ? undefined : this.texts.text(c.text[at] - 1);
      const latencyMs = Number.isNaN(c.latencyMs[at]) ? undefined : c.latencyMs[at];
      const scenario = this.scenarios.text(c.scenario[at]);
      const outcome = OUTCOMES[c.outcome[at]];
      push(
        c.seq[at],
        scenario,
        outcome,
        c.status[at],
        text,
        latencyMs,
        c.sentAtMs[at],
        CAUSES[c.cause[at]],
      );
    }
  }

  /** The ledger as plain objects, in the order the rows were added. */
  entries(): LedgerEntry[] {
    const out: LedgerEntry[] = new Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      const chunk = this.chunks[Math.floor(i / CHUNK_ROWS)];
      const at = i % CHUNK_ROWS;
      const outcome = chunk.outcome[at];
      const id = this.idPrefix + chunk.seq[at];
      const scenario = this.scenarios.text(chunk.scenario[at]);
      const sentAtMs = chunk.sentAtMs[at];
      if (outcome === CANCELLED) {
        out[i] = { id, scenario, outcome: 'cancelled', sentAtMs };
        continue;
      }
      // Same keys in the same order as before the ledger was compact (JSON output unchanged).
      const entry: LedgerEntry = {
        id,
        scenario,
        outcome: OUTCOMES[outcome],
        latencyMs: chunk.latencyMs[at],
        sentAtMs,
      };
      const text = chunk.text[at] === 0 ? undefined : this.texts.text(chunk.text[at] - 1);
      if (outcome === OK || outcome === HTTP_ERROR) {
        entry.status = chunk.status[at];
        if (text !== undefined) entry.retryAfter = text;
      } else {
        entry.error = text;
        const cause = CAUSES[chunk.cause[at]];
        if (cause !== undefined) entry.cause = cause;
      }
      out[i] = entry;
    }
    return out;
  }
}

/** Strings stored once each, referred to by index. */
class Interned {
  private readonly byText = new Map<string, number>();
  private readonly texts: string[] = [];

  index(text: string): number {
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, index);
    }
    return index;
  }

  text(index: number): string {
    return this.texts[index];
  }
}

function newChunk(): Chunk {
  return {
    seq: new Uint32Array(CHUNK_ROWS),
    outcome: new Uint8Array(CHUNK_ROWS),
    status: new Uint16Array(CHUNK_ROWS),
    scenario: new Uint32Array(CHUNK_ROWS),
    text: new Uint32Array(CHUNK_ROWS),
    latencyMs: new Float64Array(CHUNK_ROWS),
    sentAtMs: new Float64Array(CHUNK_ROWS),
    cause: new Uint8Array(CHUNK_ROWS),
  };
}

function roundToMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
