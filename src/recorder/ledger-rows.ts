import type { FailureCause, LedgerEntry } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import { newColumnChunk, type ColumnChunk } from '../ledger-store/columns.js';
import type { LedgerAppender } from './ledger-sink.js';

/** Outcomes by code (the `outcome` column). */
export const OUTCOMES: readonly RequestOutcome[] = [
  'ok',
  'http-error',
  'error',
  'timeout',
  'cancelled',
];
const OUTCOME_CODE = new Map(OUTCOMES.map((outcome, code) => [outcome, code]));
/** Causes by code (the `cause` column); code 0 is none. */
export const CAUSES: readonly (FailureCause | undefined)[] = [undefined, 'client-timeout-chaos'];
const CAUSE_CODE = new Map(CAUSES.map((cause, code) => [cause, code]));

/**
 * The one encoding of a request's fate into typed-array columns (32 bytes a row), shared by
 * the in-memory Ledger and the ledgers on disk: no object per row, scenario names and error
 * texts interned in one string table. A full chunk goes to chunkFull(), which keeps it (in
 * memory) or writes it out (on disk) and says which chunk the next rows go to.
 */
export abstract class LedgerRows implements LedgerAppender {
  /** The chunk rows are being added to. */
  protected chunk: ColumnChunk;
  /** Rows in `chunk`. */
  protected at = 0;
  /** Every interned string, by index: scenario names, error texts, Retry-After values. */
  protected readonly strings: string[] = [];
  /** reachedRows() is called once when this many rows are in (SpillLedger moves to disk there). */
  protected notifyAtRows = Number.POSITIVE_INFINITY;
  private readonly byText = new Map<string, number>();
  private rows = 0;

  constructor(protected readonly chunkRows: number) {
    this.chunk = newColumnChunk(chunkRows);
  }

  get length(): number {
    return this.rows;
  }

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
    const c = this.chunk;
    const at = this.at;
    c.seq[at] = seq;
    c.outcome[at] = OUTCOME_CODE.get(outcome)!;
    c.status[at] = status;
    c.scenario[at] = this.intern(scenario);
    c.text[at] = text === undefined ? 0 : this.intern(text) + 1;
    c.latencyMs[at] = latencyMs === undefined ? NaN : roundToMicros(latencyMs);
    c.sentAtMs[at] = roundToMicros(sentAtMs);
    c.cause[at] = cause === undefined ? 0 : CAUSE_CODE.get(cause)!;
    if (++this.at === this.chunkRows) {
      this.at = 0;
      this.chunk = this.chunkFull(c);
    }
    if (++this.rows === this.notifyAtRows) this.reachedRows();
  }

  /** `full` holds chunkRows rows: keep it or write it; returns the chunk for the next rows. */
  protected abstract chunkFull(full: ColumnChunk): ColumnChunk;

  /** `notifyAtRows` rows are in. */
  protected reachedRows(): void {}

  private intern(text: string): number {
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      this.byText.set(text, index);
    }
    return index;
  }
}

/** Row `i` of chunk `c` as the LedgerEntry users see (same keys in the same order everywhere). */
export function entryAt(
  c: ColumnChunk,
  i: number,
  strings: readonly string[],
  idPrefix: string,
): LedgerEntry {
  const id = idPrefix + c.seq[i];
  const scenario = strings[c.scenario[i]];
  const outcome = OUTCOMES[c.outcome[i]];
  const sentAtMs = c.sentAtMs[i];
  if (outcome === 'cancelled') return { id, scenario, outcome, sentAtMs };
  const entry: LedgerEntry = { id, scenario, outcome, latencyMs: c.latencyMs[i], sentAtMs };
  const text = c.text[i] === 0 ? undefined : strings[c.text[i] - 1];
  if (outcome === 'ok' || outcome === 'http-error') {
    entry.status = c.status[i];
    if (text !== undefined) entry.retryAfter = text;
  } else {
    entry.error = text;
    const cause = CAUSES[c.cause[i]];
    if (cause !== undefined) entry.cause = cause;
  }
  return entry;
}

function roundToMicros(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
