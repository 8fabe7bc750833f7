import type {
  LedgerFileSection,
  RunLedger,
  RunSummary,
  TimelineEntry,
} from '../contracts/run-result.js';
import type { LedgerSink } from './ledger-sink.js';

export interface RecorderOptions {
  /** Prefix of every request id; the sequence number follows. */
  idPrefix: string;
  /** Keep one ledger entry per request (default true: in memory); a sink such as a disk ledger. */
  ledger?: boolean | LedgerSink;
  /** Clock in ms; performance.now by default (tests inject a fake one). */
  now?: () => number;
}

/** What the recorder knows at the end of a run. */
export interface RecorderReport {
  durationMs: number;
  total: RunSummary;
  scenarios: Record<string, RunSummary>;
  phases: Record<string, RunSummary>;
  timeline: TimelineEntry[];
  /** Encoded latency histogram of each timeline second ('' when it had no successes). */
  secondHistograms: string[];
  /**
   * Built from the compact ledger on first read, in the order requests ended (cancelled ones last);
   * [] with `ledger: false`.
   */
  ledger: RunLedger;
  /** Present when the ledger went to disk. */
  ledgerFile?: LedgerFileSection;
}

/** Live figures for progress lines. */
export interface RecorderSnapshot {
  elapsedMs: number;
  sent: number;
  finished: number;
  failed: number;
  inFlight: number;
  users: number;
  p95Ms: number | null;
  phase: string | undefined;
}
