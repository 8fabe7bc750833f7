import type { FailureCause, RequestCounts, RunSummary } from '../contracts/run-result.js';
import { latencyIntervals } from '../trust/percentile-interval.js';
import {
  createLatencyHistogram,
  encodeHistogram,
  recordLatencyMs,
  summarizeLatency,
  type LatencyHistogram,
} from '../histogram/latency-histogram.js';

/** How a finished request ended, as the recorder receives it. */
export type Finish =
  | {
      kind: 'response';
      status: number;
      /** Retry-After header of a non-2xx/3xx answer, when present. */ retryAfter?: string;
    }
  | { kind: 'error'; message: string }
  | {
      kind: 'timeout';
      message?: string;
      /** Set when client-side chaos shortened the timeout. */ cause?: FailureCause;
    };

/** True for 2xx and 3xx statuses. */
export function isOkStatus(status: number): boolean {
  return status >= 200 && status < 400;
}

/** Counters and a histogram for one slice of a run (the whole run, a scenario, a phase). */
export class Tally {
  readonly histogram: LatencyHistogram = createLatencyHistogram();
  readonly counts: RequestCounts = {
    total: 0,
    ok: 0,
    failed: 0,
    httpErrors: 0,
    errors: 0,
    timeouts: 0,
    cancelled: 0,
    dropped: 0,
  };
  readonly statusCodes: Record<string, number> = {};
  readonly errorMessages = new Map<string, number>();
  maxUsers = 0;

  /** A request was sent. */
  sent(): void {
    this.counts.total++;
  }

  /** A request finished after `latencyMs`. */
  finish(finish: Finish, latencyMs: number): void {
    if (finish.kind === 'response') {
      this.response(finish.status, latencyMs);
      return;
    }
    const c = this.counts;
    c.failed++;
    if (finish.kind === 'timeout') c.timeouts++;
    else c.errors++;
    const message =
      finish.kind === 'timeout' ? (finish.message ?? 'request timed out') : finish.message;
    this.errorMessages.set(message, (this.errorMessages.get(message) ?? 0) + 1);
  }

  /** A request was answered with `status` after `latencyMs` (finish() without a Finish object). */
  response(status: number, latencyMs: number): void {
    if (this.countResponse(status)) recordLatencyMs(this.histogram, latencyMs);
  }

  /** response() without the histogram (its owner fills that in another way); true for ok. */
  countResponse(status: number): boolean {
    const c = this.counts;
    const key = String(status);
    this.statusCodes[key] = (this.statusCodes[key] ?? 0) + 1;
    if (isOkStatus(status)) {
      c.ok++;
      return true;
    }
    c.failed++;
    c.httpErrors++;
    return false;
  }

  /** Make this tally a copy of `other` (same counts, statuses, errors and histogram). */
  copyFrom(other: Tally): void {
    Object.assign(this.counts, other.counts);
    Object.assign(this.statusCodes, other.statusCodes);
    for (const [message, count] of other.errorMessages) this.errorMessages.set(message, count);
    this.histogram.add(other.histogram);
    this.maxUsers = other.maxUsers;
  }

  cancelled(): void {
    this.counts.cancelled++;
  }

  dropped(): void {
    this.counts.dropped++;
  }

  /** The plain summary of this slice over `durationMs` of wall time. */
  summarize(durationMs: number): RunSummary {
    const c = { ...this.counts };
    const finished = c.ok + c.failed;
    const errors = [...this.errorMessages.entries()]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
    return {
      latency: summarizeLatency(this.histogram),
      requests: c,
      errorRate: finished > 0 ? c.failed / finished : c.total > 0 ? 1 : 0,
      throughput: durationMs > 0 ? Math.round((finished / (durationMs / 1000)) * 100) / 100 : 0,
      statusCodes: { ...this.statusCodes },
      errors,
      durationMs: Math.round(durationMs),
      users: this.maxUsers,
      histogram: encodeHistogram(this.histogram),
      intervals: latencyIntervals(this.histogram),
    };
  }
}
