import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FailureCause, LedgerFileSection } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import { Ledger } from '../recorder/ledger.js';
import type { ClosedLedger, LedgerSink } from '../recorder/ledger-sink.js';
import { DiskLedger } from './disk-ledger.js';
import { DEFAULT_CHUNK_ROWS, type LedgerFileIo } from './ledger-file-writer.js';
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
  /** Rows per chunk on disk. */
  chunkRows?: number;
  /** File operations (tests inject failing ones). */
  io?: LedgerFileIo;
}

/**
 * A ledger that starts in memory and moves to a file once it holds `memoryRows` rows: a small
 * run's result.ledger is the usual array, a long run's is read from disk one chunk at a time,
 * and memory stays bounded by one chunk whatever the run's length.
 */
export class SpillLedger implements LedgerSink {
  private memory: Ledger | undefined;
  private disk: DiskLedger | undefined;
  private closed: ClosedLedger | undefined;
  private readonly memoryRows: number;

  constructor(
    private readonly idPrefix: string,
    private readonly options: SpillLedgerOptions = {},
  ) {
    this.memoryRows = options.memoryRows ?? DEFAULT_MEMORY_ROWS;
    if (this.memoryRows === 0) this.disk = this.openDisk();
    else this.memory = new Ledger(idPrefix);
  }

  get length(): number {
    return (this.disk ?? this.memory)!.length;
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
    if (this.disk) {
      this.disk.push(seq, scenario, outcome, status, text, latencyMs, sentAtMs, cause);
      return;
    }
    const memory = this.memory!;
    memory.push(seq, scenario, outcome, status, text, latencyMs, sentAtMs, cause);
    if (memory.length >= this.memoryRows) this.spill(memory);
  }

  close(): ClosedLedger {
    if (this.closed) return this.closed;
    if (this.memory) return (this.closed = this.memory.close());
    const disk = this.disk!;
    const status = disk.close();
    const file: LedgerFileSection = {
      ...status,
      kept: this.options.keep === true,
      partial: status.lostRows > 0 || status.error !== undefined,
    };
    return (this.closed = { read: () => disk, file });
  }

  private spill(memory: Ledger): void {
    const disk = this.openDisk();
    memory.replay((...row) => disk.push(...row));
    this.disk = disk;
    this.memory = undefined;
  }

  private openDisk(): DiskLedger {
    const dir = resolve(this.options.dir ?? tmpdir());
    const name = `vitest-stress-ledger-${process.pid}-${randomBytes(4).toString('hex')}.bin`;
    const path = join(dir, name);
    const { chunkRows = DEFAULT_CHUNK_ROWS, io } = this.options;
    const disk = new DiskLedger(this.idPrefix, path, chunkRows, io);
    if (this.options.keep !== true) removeLater(disk, path);
    return disk;
  }
}
