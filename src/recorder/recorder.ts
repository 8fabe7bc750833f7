import { performance } from 'node:perf_hooks';
import type { LedgerEntry, RunSummary, TimelineEntry } from '../result/types.js';
import { Tally, isOkStatus, type Finish } from './tally.js';
import { Timeline } from './timeline.js';
import { Ledger } from './ledger.js';
import { percentileMs } from './latency-histogram.js';

/** One sent request, from begin() to end() or cancellation. */
export interface Ticket {
  readonly seq: number;
  /** The request id sent in the id header. */
  readonly id: string;
  readonly scenario: string;
  readonly phase: string | undefined;
  /** performance.now() the latency is measured from: the actual send (closed) or the intended send (open). */
  readonly fromMs: number;
  done: boolean;
}

export interface RecorderOptions {
  /** Prefix of every request id; the sequence number follows. */
  idPrefix: string;
  /** Keep one ledger entry per request (default true). */
  ledger?: boolean;
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
  /** Built from the compact ledger by finish(), in the order requests ended (cancelled ones last); [] with `ledger: false`. */
  ledger: LedgerEntry[];
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
  private readonly inFlightTickets = new Set<Ticket>();
  /** undefined with `ledger: false`. */
  private readonly ledger: Ledger | undefined;
  private readonly timeline: Timeline;
  private seq = 0;
  private users = 0;
  private phase: string | undefined;
  private endMs: number | undefined;

  constructor(options: RecorderOptions) {
    this.now = options.now ?? (() => performance.now());
    this.idPrefix = options.idPrefix;
    this.ledger = (options.ledger ?? true) ? new Ledger(options.idPrefix) : undefined;
    this.startMs = this.now();
    this.timeline = new Timeline(this.startMs);
  }

  /** Requests sent and not finished yet. */
  get inFlight(): number {
    return this.inFlightTickets.size;
  }

  /** Mark a request as sent now; `fromMs` is the intended send time for open-model runs. */
  begin(scenario: string, fromMs?: number): Ticket {
    const now = this.now();
    this.roll(now);
    const seq = ++this.seq;
    const ticket: Ticket = { seq, id: this.idPrefix + seq, scenario, phase: this.phase, fromMs: fromMs ?? now, done: false };
    this.inFlightTickets.add(ticket);
    this.total.sent();
    this.scenarioTally(scenario).sent();
    this.phaseTally(ticket.phase)?.sent();
    this.timeline.sent();
    return ticket;
  }

  /** Record how a request ended. A second call for the same ticket is ignored: each request counts once. */
  end(ticket: Ticket, finish: Finish): void {
    if (ticket.done) return;
    const now = this.now();
    this.roll(now);
    ticket.done = true;
    this.inFlightTickets.delete(ticket);
    const latencyMs = now - ticket.fromMs;
    this.total.finish(finish, latencyMs);
    this.scenarioTally(ticket.scenario).finish(finish, latencyMs);
    this.phaseTally(ticket.phase)?.finish(finish, latencyMs);
    const ok = finish.kind === 'response' && isOkStatus(finish.status);
    this.timeline.finished(ok, finish.kind === 'timeout', latencyMs);
    this.ledger?.add(finish.kind === 'response'
      ? { seq: ticket.seq, scenario: ticket.scenario, outcome: ok ? 'ok' : 'http-error', status: finish.status, text: ok ? undefined : finish.retryAfter, latencyMs, sentAtMs: ticket.fromMs - this.startMs }
      : { seq: ticket.seq, scenario: ticket.scenario, outcome: finish.kind, status: 0, text: finish.kind === 'timeout' ? (finish.message ?? 'request timed out') : finish.message, latencyMs, sentAtMs: ticket.fromMs - this.startMs });
  }

  /** Open model: a send that was skipped because too many requests were in flight. */
  drop(scenario: string): void {
    this.roll(this.now());
    this.total.dropped();
    this.scenarioTally(scenario).dropped();
    this.phaseTally(this.phase)?.dropped();
  }

  /** Every request still in flight becomes `cancelled`. Call once the engine has stopped sending. */
  cancelInFlight(): void {
    for (const ticket of this.inFlightTickets) {
      ticket.done = true;
      this.total.cancelled();
      this.scenarioTally(ticket.scenario).cancelled();
      this.phaseTally(ticket.phase)?.cancelled();
      this.ledger?.add({ seq: ticket.seq, scenario: ticket.scenario, outcome: 'cancelled', status: 0, text: undefined, latencyMs: undefined, sentAtMs: ticket.fromMs - this.startMs });
    }
    this.inFlightTickets.clear();
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
    if (!this.phases.has(name)) this.phases.set(name, { tally: new Tally(), startMs: now, endMs: undefined });
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
    if (this.inFlightTickets.size > 0) this.cancelInFlight();
    const end = this.endMs ?? this.now();
    this.endMs = end;
    this.roll(end);
    const durationMs = end - this.startMs;
    const scenarios: Record<string, RunSummary> = {};
    for (const [name, tally] of this.scenarios) {
      tally.maxUsers = this.total.maxUsers;
      scenarios[name] = tally.summarize(durationMs);
    }
    const phases: Record<string, RunSummary> = {};
    for (const [name, span] of this.phases) phases[name] = span.tally.summarize((span.endMs ?? end) - span.startMs);
    return {
      durationMs,
      total: this.total.summarize(durationMs),
      scenarios,
      phases,
      timeline: this.timeline.close(end, this.inFlight),
      ledger: this.ledger?.entries() ?? [],
    };
  }

  private roll(now: number): void {
    this.timeline.roll(now, this.inFlight);
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
