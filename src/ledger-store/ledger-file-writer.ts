import { closeSync, openSync, writeSync } from 'node:fs';
import { COLUMNS, newColumnChunk, type ColumnChunk, type ColumnName } from './columns.js';

/** Rows buffered before a chunk is written: 8192 rows ≈ 256 KB, the ledger's memory bound. */
export const DEFAULT_CHUNK_ROWS = 8192;

/** How the ledger file fared: a typed section of the result. */
export interface LedgerFileStatus {
  path: string;
  /** Rows handed to the writer. */
  rows: number;
  /** Rows on disk. */
  writtenRows: number;
  /** Rows that could not be written (rows - writtenRows once closed); 0 for a whole ledger. */
  lostRows: number;
  /** Bytes on disk. */
  bytes: number;
  /** Why rows were lost (the first write error), when some were. */
  error?: string;
}

/** File operations the writer uses; tests inject failing ones. */
export interface LedgerFileIo {
  open(path: string): number;
  write(fd: number, bytes: Uint8Array): void;
  close(fd: number): void;
}

const nodeIo: LedgerFileIo = {
  open: (path) => openSync(path, 'wx'),
  write: (fd, bytes) => {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  },
  close: (fd) => closeSync(fd),
};

/**
 * Writes ledger rows to a binary columnar file, one chunk at a time: per chunk a header
 * (u32 rows, u32 string-table bytes), the strings first seen in it (JSON, UTF-8), then each
 * column's values as raw little-endian typed-array bytes. A write error never throws: it is
 * kept in status() and every row from the failed chunk on counts as lost.
 */
export class LedgerFileWriter {
  private readonly chunk: ColumnChunk;
  private readonly strings = new Map<string, number>();
  private pendingStrings: string[] = [];
  private at = 0;
  private fd: number | undefined;
  private readonly state: LedgerFileStatus;

  constructor(
    path: string,
    private readonly chunkRows = DEFAULT_CHUNK_ROWS,
    private readonly io = nodeIo,
  ) {
    this.chunk = newColumnChunk(chunkRows);
    this.state = { path, rows: 0, writtenRows: 0, lostRows: 0, bytes: 0 };
    try {
      this.fd = io.open(path);
    } catch (error) {
      this.state.error = `cannot create the ledger file ${path}: ${(error as Error).message}`;
    }
  }

  /** Index of `text` in the file's string table (scenario names, error texts), added if new. */
  intern(text: string): number {
    let index = this.strings.get(text);
    if (index === undefined) {
      index = this.strings.size;
      this.strings.set(text, index);
      this.pendingStrings.push(text);
    }
    return index;
  }

  /** Set column `name` of the row being added (call for each column, then endRow()). */
  set(name: ColumnName, value: number): void {
    this.chunk[name][this.at] = value;
  }

  /** The row is complete; a full chunk is written out. */
  endRow(): void {
    this.state.rows++;
    if (++this.at === this.chunkRows) this.flush();
  }

  /** Write what is buffered and close the file; the status is final after this. */
  close(): LedgerFileStatus {
    this.flush();
    if (this.fd !== undefined) {
      try {
        this.io.close(this.fd);
      } catch (error) {
        this.fail(error);
      }
      this.fd = undefined;
    }
    this.state.lostRows = this.state.rows - this.state.writtenRows;
    return this.status();
  }

  /** How the file fares so far. */
  status(): LedgerFileStatus {
    return { ...this.state };
  }

  private flush(): void {
    const rows = this.at;
    if (rows === 0) return;
    this.at = 0;
    if (this.fd === undefined) return;
    const bytes = encodeChunk(this.chunk, rows, this.pendingStrings);
    this.pendingStrings = [];
    try {
      this.io.write(this.fd, bytes);
      this.state.writtenRows += rows;
      this.state.bytes += bytes.length;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.state.error ??= `cannot write the ledger file ${this.state.path}: ${(error as Error).message}`;
    if (this.fd !== undefined) {
      try {
        this.io.close(this.fd);
      } catch {
        // Already failing: the first error is the one reported.
      }
    }
    this.fd = undefined;
  }
}

/** One chunk as bytes: header, new strings, then each column's first `rows` values. */
function encodeChunk(chunk: ColumnChunk, rows: number, newStrings: string[]): Uint8Array {
  const strings = newStrings.length
    ? Buffer.from(JSON.stringify(newStrings), 'utf8')
    : Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  const header = Buffer.alloc(8);
  header.writeUInt32LE(rows, 0);
  header.writeUInt32LE(strings.length, 4);
  parts.push(header, strings);
  for (const c of COLUMNS) {
    const values = chunk[c.name];
    parts.push(new Uint8Array(values.buffer, values.byteOffset, rows * c.type.BYTES_PER_ELEMENT));
  }
  return Buffer.concat(parts);
}
