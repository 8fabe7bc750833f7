import type { LedgerEntry } from '../contracts/run-result.js';
import { LedgerRows, entryAt } from '../recorder/ledger-rows.js';
import type { ColumnChunk } from './columns.js';
import {
  LedgerFileWriter,
  DEFAULT_CHUNK_ROWS,
  type LedgerFileIo,
  type LedgerFileStatus,
} from './ledger-file-writer.js';
import { readLedgerChunks } from './ledger-file-reader.js';
import { StreamedLedger } from './streamed-ledger.js';

/**
 * The request ledger on disk from the first row: the same push() as the in-memory Ledger
 * (LedgerRows), memory bounded by one chunk plus the writes in flight whatever the run's
 * length. close() ends the writing; read() then gives the entries back from the file.
 */
export class DiskLedger extends LedgerRows implements Iterable<LedgerEntry> {
  private readonly writer: LedgerFileWriter;
  private closed: LedgerFileStatus | undefined;

  constructor(
    private readonly idPrefix: string,
    path: string,
    chunkRows = DEFAULT_CHUNK_ROWS,
    io?: LedgerFileIo,
  ) {
    super(chunkRows);
    this.writer = new LedgerFileWriter(path, io);
  }

  /** Write the last chunk and close the file: the final status (lost rows, error). */
  close(): LedgerFileStatus {
    this.closed ??= this.writer.close(this.chunk, this.at, this.strings);
    return this.closed;
  }

  /** The file's status: final once closed. */
  status(): LedgerFileStatus {
    return this.closed ?? { ...this.writer.status(), rows: this.length };
  }

  /** The entries, read from the file one chunk at a time (closes it first; throws on a partial file). */
  read(): LedgerFileView {
    return new LedgerFileView(this.idPrefix, this.close(), this);
  }

  /** Entries in the order they were added: read().entries, for `for...of` and spreads. */
  [Symbol.iterator](): Iterator<LedgerEntry> {
    return this.read()[Symbol.iterator]();
  }

  protected chunkFull(full: ColumnChunk): ColumnChunk {
    // The writer copies the rows into the bytes it writes: the chunk is refilled at once.
    this.writer.write(full, this.chunkRows, this.strings);
    return full;
  }
}

/**
 * A closed ledger file as a RunLedger: every pass reads it again, one chunk in memory at a
 * time, as the same LedgerEntry objects the in-memory ledger gives. Refuses a partial file
 * (LedgerIncompleteError) so that no join judges on it.
 */
export class LedgerFileView extends StreamedLedger {
  readonly length: number;

  constructor(
    private readonly idPrefix: string,
    private readonly file: LedgerFileStatus,
    /** What the file's removal waits for (ledger-cleanup): kept alive as long as this view. */
    readonly owner: object,
  ) {
    super();
    this.length = file.rows;
  }

  *[Symbol.iterator](): Iterator<LedgerEntry> {
    for (const { rows, columns, strings } of readLedgerChunks(this.file)) {
      for (let i = 0; i < rows; i++) yield entryAt(columns, i, strings, this.idPrefix);
    }
  }
}
