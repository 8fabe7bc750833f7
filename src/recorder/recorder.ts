import { performance } from 'node:perf_hooks';
import type {
  LedgerFileSection,
  RunLedger,
  RequestCounts,
  RunSummary,
  TimelineEntry,
} from '../contracts/run-result.js';
import type { LatencyHistogram } from '../histogram/latency-histogram.js';
import { Tally, isOkStatus, type Finish } from './tally.js';
import { Timeline } from './timeline.js';
import { InFlightList, InFlightTicket, type Ticket } from './in-flight.js';
import { Ledger } from './ledger.js';
import type { LedgerSink } from './ledger-sink.js';
import { defineLazy } from './lazy-property.js';
import { percentileMs } from '../histogram/latency-histogram.js';

export type { Ticket } from './in-flight.js';

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

interface PhaseSpan {
  tally: Tally;
  startMs: number;
  endMs: number | undefined;
}

/**
 * Counts every request exactly once: begin() when it is sent, then exactly one of end()
 * or cancelInFlight(). Keeps HDR histograms for the run, each scenario and each phase,
 * a per-second timeline and the request-id ledger. Engines of every model feed it.
 */
export class Recorder {
  readonly startMs: number;
  private readonly now: () => number;
  private readonly idPrefix: string;
  private readonly total = new Tally();
  private readonly scenarios = new Map<string, Tally>();
  private readonly phases = new Map<string, PhaseSpan>();
  /** Tickets in flight, oldest first. */
  private readonly inFlightList = new InFlightList();
  /**
   * While every request so far had the same scenario, its tally would equal the run's: it is not
   * kept (one histogram record less per response) until a second scenario shows up.
   */
  private soleScenario: string | undefined;
  private split = false;
  /** undefined with `ledger: false`. */
  private readonly ledger: LedgerSink | undefined;
  private readonly timeline: Timeline;
  private seq = 0;
  private users = 0;
  private phase: string | undefined;
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
    return { histogram: this.total.histogram, counts: this.total.counts };
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
    const ticket = new InFlightTicket(this.idPrefix, seq, scenario, this.phase, fromMs ?? now);
    this.inFlightList.add(ticket);
    const scenarioTally = this.splitTally(scenario);
    this.total.sent();
    scenarioTally?.sent();
    this.phaseTally(ticket.phase)?.sent();
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
    const now = this.now();
    this.roll(now);
    ticket.done = true;
    this.inFlightList.remove(ticket as InFlightTicket);
    const latencyMs = now - ticket.fromMs;
    this.total.finish(finish, latencyMs);
    if (this.split) this.scenarioTally(ticket.scenario).finish(finish, latencyMs);
    this.phaseTally(ticket.phase)?.finish(finish, latencyMs);
    this.timeline.finished(false, finish.kind === 'timeout', latencyMs);
    const text =
      finish.kind === 'timeout' ? (finish.message ?? 'request timed out') : finish.message;
    this.ledger?.push(
      ticket.seq,
      ticket.scenario,
      finish.kind,
      0,
      text,
      latencyMs,
      ticket.fromMs - this.startMs,
      finish.kind === 'timeout' ? finish.cause : undefined,
    );
  }

  /** end() for an HTTP answer, without a Finish object: `retryAfter` is the Retry-After of a non-2xx/3xx answer. */
  endResponse(ticket: Ticket, status: number, retryAfter?: string): void {
    if (ticket.done) return;
    const now = this.now();
    this.roll(now);
    ticket.done = true;
    this.inFlightList.remove(ticket as InFlightTicket);
    const latencyMs = now - ticket.fromMs;
    this.total.response(status, latencyMs);
    if (this.split) this.scenarioTally(ticket.scenario).response(status, latencyMs);
    if (ticket.phase !== undefined) this.phaseTally(ticket.phase)?.response(status, latencyMs);
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
    const scenarioTally = this.splitTally(scenario);
    this.total.dropped();
    scenarioTally?.dropped();
    this.phaseTally(this.phase)?.dropped();
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
      this.total.cancelled();
      if (this.split) this.scenarioTally(ticket.scenario).cancelled();
      this.phaseTally(ticket.phase)?.cancelled();
      this.ledger?.push(
        ticket.seq,
        ticket.scenario,
        'cancelled',
        0,
        undefined,
        undefined,
        ticket.fromMs - this.startMs,
      );
    }
  }

  /** Current number of active users (closed model) or target rate (open model), for the timeline. */
  setUsers(users: number): void {
    this.roll(this.now());
    this.users = users;
    this.total.maxUsers = Math.max(this.total.maxUsers, users);
    const span = this.phase === undefined ? undefined : this.phases.get(this.phase);
    if (span) span.tally.maxUsers = Math.max(span.tally.maxUsers, users);
    this.timeline.setUsers(users);
  }

  /** Enter a named phase (stage); requests sent from now on belong to it. */
  setPhase(name: string): void {
    const now = this.now();
    this.roll(now);
    const previous = this.phase === undefined ? undefined : this.phases.get(this.phase);
    if (previous) previous.endMs = now;
    this.phase = name;
    if (!this.phases.has(name))
      this.phases.set(name, { tally: new Tally(), startMs: now, endMs: undefined });
    this.timeline.setPhase(name);
  }

  /** Live figures for a progress line. */
  snapshot(): RecorderSnapshot {
    const now = this.now();
    this.roll(now);
    const c = this.total.counts;
    return {
      elapsedMs: now - this.startMs,
      sent: c.total,
      finished: c.ok + c.failed,
      failed: c.failed,
      inFlight: this.inFlight,
      users: this.users,
      p95Ms: percentileMs(this.total.histogram, 95),
      phase: this.phase,
    };
  }

  /** Close the run: cancels what is still in flight and summarises everything. */
  finish(): RecorderReport {
    if (this.inFlightList.size > 0) this.cancelInFlight();
    const end = this.endMs ?? this.now();
    this.endMs = end;
    this.roll(end);
    const durationMs = end - this.startMs;
    // Scenario and phase names are the user's strings ("__proto__" too): the summaries become an
    // object only through Object.fromEntries, which defines own properties and never a prototype.
    const scenarioEntries: [string, RunSummary][] = [];
    // One scenario only: its tally is the run's.
    if (!this.split && this.soleScenario !== undefined)
      scenarioEntries.push([this.soleScenario, this.total.summarize(durationMs)]);
    for (const [name, tally] of this.scenarios) {
      tally.maxUsers = this.total.maxUsers;
      scenarioEntries.push([name, tally.summarize(durationMs)]);
    }
    const scenarios: Record<string, RunSummary> = Object.fromEntries(scenarioEntries);
    const phases: Record<string, RunSummary> = Object.fromEntries(
      [...this.phases].map(([name, span]) => [
        name,
        span.tally.summarize((span.endMs ?? end) - span.startMs),
      ]),
    );
    const report = {
      durationMs,
      total: this.total.summarize(durationMs),
      scenarios,
      phases,
      timeline: this.timeline.close(end, this.inFlight),
      secondHistograms: this.timeline.secondHistograms,
    } as RecorderReport;
    // The entries (≈ 200 bytes each) are built from the compact columns only when read.
    const closed = this.ledger?.close();
    if (closed?.file) report.ledgerFile = closed.file;
    defineLazy(report, 'ledger', () => closed?.read() ?? []);
    return report;
  }

  private roll(now: number): void {
    this.timeline.roll(now, this.inFlight);
  }

  /**
   * The tally of scenario `name`, or undefined while it is the only scenario seen (the run's
   * tally stands for it). A second scenario gives the first its own tally, a copy of the run's.
   */
  private splitTally(name: string): Tally | undefined {
    if (this.split) return this.scenarioTally(name);
    if (this.soleScenario === undefined) this.soleScenario = name;
    if (name === this.soleScenario) return undefined;
    const first = new Tally();
    first.copyFrom(this.total);
    this.scenarios.set(this.soleScenario, first);
    this.split = true;
    return this.scenarioTally(name);
  }

  private scenarioTally(name: string): Tally {
    let tally = this.scenarios.get(name);
    if (!tally) {
      tally = new Tally();
      this.scenarios.set(name, tally);
    }
    return tally;
  }

  private phaseTally(name: string | undefined): Tally | undefined {
    return name === undefined ? undefined : this.phases.get(name)?.tally;
  }
}
