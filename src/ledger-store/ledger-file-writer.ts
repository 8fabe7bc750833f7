import { closeSync, openSync, write, writeSync } from 'node:fs';
import { COLUMNS, type ColumnChunk } from './columns.js';

/** Rows per chunk: 8192 rows ≈ 256 KB, the ledger's memory bound. */
export const DEFAULT_CHUNK_ROWS = 8192;
/**
 * Chunk writes in flight at most (≈ 2 MB): past this a disk that cannot keep up makes the run
 * wait (one synchronous write) rather than letting the pending chunks grow without bound.
 */
export const MAX_PENDING_WRITES = 8;

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

/** File operations the writer uses; tests inject failing or slow ones. */
export interface LedgerFileIo {
  open(path: string): number;
  /** Write all of `bytes` at byte `position`; throws on error. */
  write(fd: number, bytes: Uint8Array, position: number): void;
  /**
   * Write all of `bytes` at `position` off the event loop, then `done(error)`. Without it
   * every chunk is written synchronously.
   */
  writeAsync?(fd: number, bytes: Uint8Array, position: number, done: (error?: Error) => void): void;
  close(fd: number): void;
}

export const nodeLedgerIo: LedgerFileIo = {
  open: (path) => openSync(path, 'wx'),
  write: (fd, bytes, position) => {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
  },
  writeAsync: (fd, bytes, position, done) => {
    const rest = (at: number): void =>
      write(fd, bytes, at, bytes.length - at, position + at, (error, n) => {
        if (error) done(error);
        else if (at + n < bytes.length) rest(at + n);
        else done();
      });
    rest(0);
  },
  close: (fd) => closeSync(fd),
};

/** One chunk on its way to disk. */
interface PendingWrite {
  /** Its encoding: the first bytes of `buffer`. */
  bytes: Uint8Array;
  buffer: Buffer;
  position: number;
  rows: number;
  /** Counted (written or failed): a later callback for it changes nothing. */
  settled: boolean;
}

/**
 * Writes ledger chunks to a binary columnar file: per chunk a header (u32 rows, u32
 * string-table bytes), the strings first interned since the last chunk (JSON, UTF-8), then
 * each column's values as raw little-endian typed-array bytes. Each chunk is encoded into one
 * buffer (a copy: the caller may refill its chunk at once) and written at its own offset
 * off the event loop. A write error never throws: it is kept in status(), and every row not
 * on disk counts as lost. close() is synchronous and final: chunks still in flight are
 * written again, synchronously, at the same offsets (same bytes), so the status it returns
 * is the file's.
 */
export class LedgerFileWriter {
  private fd: number | undefined;
  private readonly state: LedgerFileStatus;
  private readonly pending = new Set<PendingWrite>();
  /** Buffers whose write is over, for the next chunks: no allocation per chunk once warm. */
  private readonly free: Buffer[] = [];
  private writtenStrings = 0;
  private position = 0;
  private closing = false;

  constructor(
    path: string,
    private readonly io: LedgerFileIo = nodeLedgerIo,
  ) {
    this.state = { path, rows: 0, writtenRows: 0, lostRows: 0, bytes: 0 };
    try {
      this.fd = io.open(path);
    } catch (error) {
      this.state.error = `cannot create the ledger file ${path}: ${(error as Error).message}`;
    }
  }

  /** Write the first `rows` rows of `chunk`, with the strings of `strings` not written yet. */
  write(chunk: ColumnChunk, rows: number, strings: readonly string[]): void {
    if (rows === 0) return;
    this.state.rows += rows;
    if (this.fd === undefined || this.state.error !== undefined) return;
    const newStrings = strings.slice(this.writtenStrings);
    this.writtenStrings = strings.length;
    const size = chunkBytes(rows, newStrings);
    const buffer = this.takeBuffer(size.total);
    const bytes = encodeChunk(buffer, chunk, rows, size.strings);
    const job: PendingWrite = { bytes, buffer, position: this.position, rows, settled: false };
    this.position += bytes.length;
    const { writeAsync } = this.io;
    if (writeAsync === undefined || this.pending.size >= MAX_PENDING_WRITES) {
      this.writeNow(job);
      this.free.push(buffer);
      return;
    }
    this.pending.add(job);
    writeAsync(this.fd, bytes, job.position, (error) => this.settle(job, error));
  }

  /** Write the last rows, finish what is in flight, close the file: the status is final. */
  close(chunk: ColumnChunk, rows: number, strings: readonly string[]): LedgerFileStatus {
    this.write(chunk, rows, strings);
    for (const job of this.pending) if (!job.settled) this.writeNow(job);
    this.closing = true;
    this.closeWhenIdle();
    this.state.lostRows = this.state.rows - this.state.writtenRows;
    return this.status();
  }

  /** How the file fares so far. */
  status(): LedgerFileStatus {
    return { ...this.state };
  }

  private writeNow(job: PendingWrite): void {
    job.settled = true;
    if (this.fd === undefined || this.state.error !== undefined) return;
    try {
      this.io.write(this.fd, job.bytes, job.position);
      this.written(job);
    } catch (error) {
      this.fail(error);
    }
  }

  private takeBuffer(bytes: number): Buffer {
    const buffer = this.free.pop();
    // Outside Buffer's shared pool: a chunk's buffer is reused, never sliced by others.
    return buffer !== undefined && buffer.length >= bytes ? buffer : Buffer.allocUnsafeSlow(bytes);
  }

  private settle(job: PendingWrite, error: Error | undefined): void {
    this.pending.delete(job);
    if (this.free.length < MAX_PENDING_WRITES) this.free.push(job.buffer);
    if (!job.settled) {
      job.settled = true;
      if (error) this.fail(error);
      else this.written(job);
    }
    this.closeWhenIdle();
  }

  private written(job: PendingWrite): void {
    this.state.writtenRows += job.rows;
    this.state.bytes += job.bytes.length;
  }

  private fail(error: unknown): void {
    this.state.error ??= `cannot write the ledger file ${this.state.path}: ${(error as Error).message}`;
    this.closing = true;
    this.closeWhenIdle();
  }

  /** Close the descriptor once no write is in flight on it (a closed fd number can be reused). */
  private closeWhenIdle(): void {
    if (!this.closing || this.pending.size > 0 || this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      this.io.close(fd);
    } catch (error) {
      this.state.error ??= `cannot close the ledger file ${this.state.path}: ${(error as Error).message}`;
    }
  }
}

/** A chunk's size in bytes, and its new strings encoded (JSON, UTF-8), if any. */
function chunkBytes(rows: number, newStrings: string[]): { total: number; strings?: Buffer } {
  const strings = newStrings.length ? Buffer.from(JSON.stringify(newStrings), 'utf8') : undefined;
  let total = 8 + (strings?.length ?? 0);
  for (const c of COLUMNS) total += rows * c.type.BYTES_PER_ELEMENT;
  return { total, strings };
}

/** One chunk into `out`: header, new strings, then each column's first `rows` values. */
function encodeChunk(
  out: Buffer,
  chunk: ColumnChunk,
  rows: number,
  strings: Buffer | undefined,
): Uint8Array {
  const stringBytes = strings?.length ?? 0;
  out.writeUInt32LE(rows, 0);
  out.writeUInt32LE(stringBytes, 4);
  if (strings) strings.copy(out, 8);
  let at = 8 + stringBytes;
  for (const c of COLUMNS) {
    const values = chunk[c.name];
    const length = rows * c.type.BYTES_PER_ELEMENT;
    out.set(new Uint8Array(values.buffer, values.byteOffset, length), at);
    at += length;
  }
  return out.subarray(0, at);
}
