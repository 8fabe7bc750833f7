import type { TimelineEntry } from '../contracts/run-result.js';
import {
  createLatencyHistogram,
  encodeHistogram,
  percentileMs,
  recordLatencyMs,
} from '../histogram/latency-histogram.js';

/**
 * One entry per second of the run. Only the current second keeps a histogram; a closed
 * second keeps its percentiles, so memory does not grow with the length of the run.
 */
export class Timeline {
  private readonly entries: TimelineEntry[] = [];
  /** Each closed second's latency histogram, encoded ('' for a second without successes), for block bootstraps. */
  readonly secondHistograms: string[] = [];
  private readonly histogram = createLatencyHistogram();
  private second = 0;
  private current: TimelineEntry;
  private users = 0;
  private phase: string | undefined;

  constructor(private readonly startMs: number) {
    this.current = this.blank(0);
  }

  sent(): void {
    this.current.sent++;
  }

  finished(ok: boolean, timedOut: boolean, latencyMs: number): void {
    this.current.requests++;
    if (ok) recordLatencyMs(this.histogram, latencyMs);
    else this.current.errors++;
    if (timedOut) this.current.timeouts++;
  }

  setUsers(users: number): void {
    this.users = users;
    this.current.users = users;
  }

  setPhase(phase: string): void {
    this.phase = phase;
    this.current.phase = phase;
  }

  /** Close every second that ended before `nowMs`. */
  roll(nowMs: number, inFlight: number): void {
    const second = Math.floor((nowMs - this.startMs) / 1000);
    while (this.second < second) {
      this.closeCurrent(inFlight);
      this.second++;
      this.current = this.blank(this.second);
    }
  }

  /** The finished timeline; the last, partial second is kept when anything happened in it. */
  close(endMs: number, inFlight: number): TimelineEntry[] {
    this.roll(endMs, inFlight);
    const c = this.current;
    if (c.sent > 0 || c.requests > 0 || this.entries.length === 0) this.closeCurrent(inFlight);
    return this.entries;
  }

  private closeCurrent(inFlight: number): void {
    const c = this.current;
    c.p50 = percentileMs(this.histogram, 50);
    c.p95 = percentileMs(this.histogram, 95);
    c.p99 = percentileMs(this.histogram, 99);
    c.inFlight = inFlight;
    this.entries.push(c);
    // ≈ 0.5 ms once a second (about 1 KB); what a baseline comparison resamples.
    this.secondHistograms.push(
      this.histogram.totalCount > 0 ? encodeHistogram(this.histogram) : '',
    );
    this.histogram.reset();
  }

  private blank(t: number): TimelineEntry {
    const entry: TimelineEntry = {
      t,
      sent: 0,
      requests: 0,
      errors: 0,
      timeouts: 0,
      p50: null,
      p95: null,
      p99: null,
      users: this.users,
      inFlight: 0,
    };
    if (this.phase !== undefined) entry.phase = this.phase;
    return entry;
  }
}
