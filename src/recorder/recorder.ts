import { performance } from 'node:perf_hooks';
import type { RequestCounts } from '../contracts/run-result.js';
import type { LatencyHistogram } from '../histogram/latency-histogram.js';
import { percentileMs } from '../histogram/latency-histogram.js';
import { isOkStatus, type Finish } from './tally.js';
import { Timeline } from './timeline.js';
import { InFlightList, InFlightTicket, type Ticket } from './in-flight.js';
import { Ledger } from './ledger.js';
import type { LedgerSink } from './ledger-sink.js';
import { defineLazy } from './lazy-property.js';
import { RunTallies } from './run-tallies.js';
import type { RecorderOptions, RecorderReport, RecorderSnapshot } from './recorder-types.js';

export type { Ticket } from './in-flight.js';
export type { RecorderOptions, RecorderReport, RecorderSnapshot } from './recorder-types.js';

/**
 * Counts every request exactly once: begin() when it is sent, then exactly one of end()
 * or cancelInFlight(). Keeps HDR histograms for the run, each scenario and each phase
 * (RunTallies), a per-second timeline and the request-id ledger. Engines of every model feed it.
 */
export class Recorder {
  readonly startMs: number;
  private readonly now: () => number;
  private readonly idPrefix: string;
  private readonly tallies = new RunTallies();
  /** Tickets in flight, oldest first. */
  private readonly inFlightList = new InFlightList();
  /** undefined with `ledger: false`. */
  private readonly ledger: LedgerSink | undefined;
  private readonly timeline: Timeline;
  private seq = 0;
  private users = 0;
  private endMs: number | undefined;

  constructor(options: RecorderOptions) {
    this.now = options.now ?? (() => performance.now());
    this.idPrefix = options.idPrefix;
    const ledger = options.ledger ?? true;
    this.ledger =
      typeof ledger === 'object' ? ledger : ledger ? new Ledger(options.idPrefix) : undefined;
    this.startMs = this.now();
    this.timeline = new Timeline(this.startMs);
  }

  /** The run's live histogram of successful responses and its counts, for sequential looks (read only). */
  liveTotal(): { histogram: LatencyHistogram; counts: Readonly<RequestCounts> } {
    return { histogram: this.tallies.totalHistogram(), counts: this.tallies.total.counts };
  }

  /** Requests sent and not finished yet. */
  get inFlight(): number {
    return this.inFlightList.size;
  }

  /** Mark a request as sent now; `fromMs` is the intended send time for open-model runs. */
  begin(scenario: string, fromMs?: number): Ticket {
    const now = this.now();
    this.roll(now);
    const seq = ++this.seq;
    const phase = this.tallies.phase;
    const ticket = new InFlightTicket(this.idPrefix, seq, scenario, phase, fromMs ?? now);
    this.inFlightList.add(ticket);
    this.tallies.sent(scenario, phase);
    this.timeline.sent();
    return ticket;
  }

  /** Record how a request ended. A second call for the same ticket is ignored: each request counts once. */
  end(ticket: Ticket, finish: Finish): void {
    if (ticket.done) return;
    if (finish.kind === 'response') {
      this.endResponse(ticket, finish.status, finish.retryAfter);
      return;
    }
    const latencyMs = this.close(ticket);
    this.tallies.finish(ticket.scenario, ticket.phase, finish, latencyMs);
    this.timeline.finished(false, finish.kind === 'timeout', latencyMs);
    const timeout = finish.kind === 'timeout';
    const text = timeout ? (finish.message ?? 'request timed out') : finish.message;
    const cause = timeout ? finish.cause : undefined;
    const sentAtMs = ticket.fromMs - this.startMs;
    this.ledger?.push(
      ticket.seq,
      ticket.scenario,
      finish.kind,
      0,
      text,
      latencyMs,
      sentAtMs,
      cause,
    );
  }

  /** end() for an HTTP answer, without a Finish object: `retryAfter` is the Retry-After of a non-2xx/3xx answer. */
  endResponse(ticket: Ticket, status: number, retryAfter?: string): void {
    if (ticket.done) return;
    const latencyMs = this.close(ticket);
    this.tallies.response(ticket.scenario, ticket.phase, status, latencyMs);
    const ok = isOkStatus(status);
    this.timeline.finished(ok, false, latencyMs);
    this.ledger?.push(
      ticket.seq,
      ticket.scenario,
      ok ? 'ok' : 'http-error',
      status,
      ok ? undefined : retryAfter,
      latencyMs,
      ticket.fromMs - this.startMs,
    );
  }

  /** Open model: a send that was skipped because too many requests were in flight. */
  drop(scenario: string): void {
    this.roll(this.now());
    this.tallies.dropped(scenario);
  }

  /**
   * The traffic is over: what is still in flight becomes `cancelled` and the run's clock stops
   * now, so closing sockets afterwards (0.1-1 s for thousands) is not counted as run time.
   * Later end() calls for those requests are ignored. Call once the engine has stopped sending.
   */
  stop(): void {
    if (this.endMs !== undefined) return;
    this.cancelInFlight();
    this.endMs = this.now();
  }

  /** Every request still in flight becomes `cancelled`. Call once the engine has stopped sending. */
  cancelInFlight(): void {
    for (const ticket of this.inFlightList.drain()) {
      ticket.done = true;
      this.tallies.cancelled(ticket.scenario, ticket.phase);
      const sentAtMs = ticket.fromMs - this.startMs;
      this.ledger?.push(
        ticket.seq,
        ticket.scenario,
        'cancelled',
        0,
        undefined,
        undefined,
        sentAtMs,
      );
    }
  }

  /** Current number of active users (closed model) or target rate (open model), for the timeline. */
  setUsers(users: number): void {
    this.roll(this.now());
    this.users = users;
    this.tallies.users(users);
    this.timeline.setUsers(users);
  }

  /** Enter a named phase (stage); requests sent from now on belong to it. */
  setPhase(name: string): void {
    const now = this.now();
    this.roll(now);
    this.tallies.enterPhase(name, now);
    this.timeline.setPhase(name);
  }

  /** Live figures for a progress line. */
  snapshot(): RecorderSnapshot {
    const now = this.now();
    this.roll(now);
    const { counts } = this.tallies.total;
    const histogram = this.tallies.totalHistogram();
    return {
      elapsedMs: now - this.startMs,
      sent: counts.total,
      finished: counts.ok + counts.failed,
      failed: counts.failed,
      inFlight: this.inFlight,
      users: this.users,
      p95Ms: percentileMs(histogram, 95),
      phase: this.tallies.phase,
    };
  }

  /** Close the run: cancels what is still in flight and summarises everything. */
  finish(): RecorderReport {
    if (this.inFlightList.size > 0) this.cancelInFlight();
    const end = this.endMs ?? this.now();
    this.endMs = end;
    this.roll(end);
    const durationMs = end - this.startMs;
    const report = {
      durationMs,
      ...this.tallies.summarize(durationMs, end),
      timeline: this.timeline.close(end, this.inFlight),
      secondHistograms: this.timeline.secondHistograms,
    } as RecorderReport;
    // The entries (≈ 200 bytes each) are built from the compact columns only when read.
    const closed = this.ledger?.close();
    if (closed?.file) report.ledgerFile = closed.file;
    defineLazy(report, 'ledger', () => closed?.read() ?? []);
    return report;
  }

  /** The request is over now: out of the in-flight list; its latency in ms. */
  private close(ticket: Ticket): number {
    const now = this.now();
    this.roll(now);
    ticket.done = true;
    this.inFlightList.remove(ticket as InFlightTicket);
    return now - ticket.fromMs;
  }

  private roll(now: number): void {
    this.timeline.roll(now, this.inFlight);
  }
}
