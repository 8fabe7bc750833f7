import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ledger } from '../recorder/ledger.js';
import type { ClosedLedger, LedgerSink } from '../recorder/ledger-sink.js';
import type { ColumnChunk } from './columns.js';
import { LedgerFileView } from './disk-ledger.js';
import { DEFAULT_CHUNK_ROWS, LedgerFileWriter, type LedgerFileIo } from './ledger-file-writer.js';
import { removeLater } from './ledger-cleanup.js';

/** Rows kept in memory before the ledger moves to disk: 50 000 rows ≈ 1.6 MB of columns. */
export const DEFAULT_MEMORY_ROWS = 50_000;

export interface SpillLedgerOptions {
  /** Folder of the ledger file (default the OS temporary folder). */
  dir?: string;
  /** Keep the file after the run (default false: removed when the result is collected or at exit). */
  keep?: boolean;
  /** Rows kept in memory; the ledger moves to disk at this many (0: on disk from the first row). */
  memoryRows?: number;
  /** Rows per chunk, in memory and on disk. */
  chunkRows?: number;
  /** File operations (tests inject failing ones). */
  io?: LedgerFileIo;
}

/**
 * A ledger that starts in memory and moves to a file once it holds `memoryRows` rows: a small
 * run's result.ledger is the usual array, a long run's is read from disk one chunk at a time,
 * and memory stays bounded by one chunk (plus the writes in flight) whatever the run's length.
 * Moving writes the chunks kept so far as they are: no row is encoded twice.
 */
export class SpillLedger extends Ledger implements LedgerSink {
  private writer: LedgerFileWriter | undefined;
  private closed: ClosedLedger | undefined;

  constructor(
    idPrefix: string,
    private readonly options: SpillLedgerOptions = {},
  ) {
    super(idPrefix, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const memoryRows = options.memoryRows ?? DEFAULT_MEMORY_ROWS;
    if (memoryRows === 0) this.openFile();
    else this.notifyAtRows = memoryRows;
  }

  close(): ClosedLedger {
    if (this.closed) return this.closed;
    if (!this.writer) return (this.closed = super.close());
    const status = this.writer.close(this.chunk, this.at, this.strings);
    const view = new LedgerFileView(this.idPrefix, status, this);
    const partial = status.lostRows > 0 || status.error !== undefined;
    const file = { ...status, kept: this.options.keep === true, partial };
    return (this.closed = { read: () => view, file });
  }

  protected chunkFull(full: ColumnChunk): ColumnChunk {
    if (!this.writer) return super.chunkFull(full);
    // The writer copies the rows into the bytes it writes: the chunk is refilled at once.
    this.writer.write(full, this.chunkRows, this.strings);
    return full;
  }

  /** memoryRows rows are in: write the full chunks kept so far, and every next one. */
  protected reachedRows(): void {
    const writer = this.openFile();
    for (const chunk of this.kept.splice(0)) writer.write(chunk, this.chunkRows, this.strings);
  }

  private openFile(): LedgerFileWriter {
    const dir = resolve(this.options.dir ?? tmpdir());
    const name = `vitest-stress-ledger-${process.pid}-${randomBytes(4).toString('hex')}.bin`;
    const path = join(dir, name);
    this.writer = new LedgerFileWriter(path, this.options.io);
    if (this.options.keep !== true) removeLater(this, path);
    return this.writer;
  }
}
