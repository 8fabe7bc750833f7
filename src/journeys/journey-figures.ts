import type {
  ErrorCount,
  JourneySummary,
  RunSummary,
  StepSummary,
} from '../contracts/run-result.js';
import { recordLatencyMs } from '../histogram/latency-histogram.js';
import { Tally } from '../recorder/tally.js';
import { UintColumn } from './uint-column.js';

/** One journey iteration in flight. */
export interface Iteration {
  readonly journey: string;
  /** Journey iteration number (1-based): the ledger's journeyId is built from it. */
  readonly seq: number;
  /** performance.now() the journey's duration is measured from (the intended start in the open model). */
  readonly fromMs: number;
  done: boolean;
}

/**
 * The figures' own iteration: it holds its journey's counts (no lookup by name when it ends) and
 * links the iterations in flight (a Set would give each new object an identity hash: ≈ 0.2 µs
 * to add and delete one).
 */
class ActiveIteration implements Iteration {
  done = false;
  prev: ActiveIteration | undefined = undefined;
  next: ActiveIteration | undefined = undefined;

  constructor(
    readonly journey: string,
    readonly seq: number,
    readonly fromMs: number,
    readonly counts: JourneyCounts,
  ) {}
}

interface JourneyCounts {
  /** 1-based position of the journey in the run's list (the iteration column's value). */
  index: number;
  /** Iterations as requests: total = started, ok = completed (duration recorded), failed, cancelled. */
  tally: Tally;
  failedAt: Map<string, number>;
  skipped: Map<string, number>;
  notStarted: number;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Counts by message, most first (as a summary's `errors`). */
function byCount(counts: Map<string, number> | undefined): ErrorCount[] {
  return [...(counts ?? [])]
    .map(([message, count]) => ({ message, count }))
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
}

/**
 * Counts journey iterations: each started one ends exactly once, as completed, failed (at a
 * named step, the remaining steps counted as skipped) or cancelled (cut off by the end of the
 * run). Names are the user's strings, so they live in Maps and become objects only through
 * Object.fromEntries ("__proto__" is an ordinary key there).
 */
export class JourneyFigures {
  private readonly journeys = new Map<string, JourneyCounts>();
  private readonly skippedSteps = new Map<string, number>();
  /** Failures by check or capture, by step, then by reason. */
  private readonly checkFailures = new Map<string, Map<string, number>>();
  /** Iterations in flight, oldest first, linked through themselves. */
  private head: ActiveIteration | undefined;
  private tail: ActiveIteration | undefined;
  private activeCount = 0;
  /** Journey of each iteration (index in `names` + 1), by iteration number: 4 bytes an iteration. */
  private readonly journeyOfIteration = new UintColumn();
  private readonly names: readonly string[];
  private seq = 0;

  constructor(names: readonly string[]) {
    this.names = names;
    names.forEach((name, i) =>
      this.journeys.set(name, {
        index: i + 1,
        tally: new Tally(),
        failedAt: new Map(),
        skipped: new Map(),
        notStarted: 0,
      }),
    );
  }

  /** Iterations in flight. */
  get inFlight(): number {
    return this.activeCount;
  }

  start(journey: string, fromMs: number): Iteration {
    const counts = this.counts(journey);
    counts.tally.sent();
    const iteration = new ActiveIteration(journey, ++this.seq, fromMs, counts);
    this.journeyOfIteration.set(iteration.seq, counts.index);
    const { tail } = this;
    if (tail === undefined) this.head = iteration;
    else {
      tail.next = iteration;
      iteration.prev = tail;
    }
    this.tail = iteration;
    this.activeCount++;
    return iteration;
  }

  complete(iteration: Iteration, nowMs: number): void {
    if (!this.close(iteration)) return;
    const tally = (iteration as ActiveIteration).counts.tally;
    tally.counts.ok++;
    recordLatencyMs(tally.histogram, nowMs - iteration.fromMs);
  }

  /**
   * The iteration failed at `step` for `reason`; `skipped` are the steps it will not send;
   * `byCheck` when the step's check or a capture failed it (its request is recorded as failed).
   */
  fail(
    iteration: Iteration,
    step: string,
    reason: string,
    skipped: readonly string[],
    byCheck = false,
  ): void {
    if (byCheck) this.countCheckFailure(step, reason);
    if (!this.close(iteration)) return;
    const { counts } = iteration as ActiveIteration;
    counts.tally.finish({ kind: 'error', message: `${step}: ${reason}` }, 0);
    bump(counts.failedAt, step);
    for (const name of skipped) {
      bump(counts.skipped, name);
      bump(this.skippedSteps, name);
    }
  }

  cancel(iteration: Iteration): void {
    if (this.close(iteration)) (iteration as ActiveIteration).counts.tally.cancelled();
  }

  /** Every iteration still in flight is cancelled (the run is over). */
  cancelAll(): void {
    while (this.head) this.cancel(this.head);
  }

  /** The journey of iteration number `seq`. */
  journeyOf(seq: number): string | undefined {
    const index = this.journeyOfIteration.get(seq);
    return index === 0 ? undefined : this.names[index - 1];
  }

  notStarted(journey: string): void {
    this.counts(journey).notStarted++;
  }

  dropped(journey: string): void {
    this.counts(journey).tally.dropped();
  }

  /** Each journey's figures over `durationMs`. */
  journeySummaries(durationMs: number): Record<string, JourneySummary> {
    return Object.fromEntries(
      [...this.journeys].map(([name, c]) => {
        const summary = c.tally.summarize(durationMs);
        const n = summary.requests;
        const figures: JourneySummary = {
          ...summary,
          started: n.total,
          completed: n.ok,
          failed: n.failed,
          cancelled: n.cancelled,
          failedAt: Object.fromEntries(c.failedAt),
          skippedSteps: Object.fromEntries(c.skipped),
          notStarted: c.notStarted,
          dropped: n.dropped,
        };
        return [name, figures];
      }),
    );
  }

  /** Each step's figures: the recorder's summary of its requests plus its skipped count. */
  stepSummaries(
    stepNames: readonly string[],
    recorded: Record<string, RunSummary>,
    durationMs: number,
  ): Record<string, StepSummary> {
    return Object.fromEntries(
      stepNames.map((name) => {
        const summary = Object.hasOwn(recorded, name)
          ? recorded[name]
          : new Tally().summarize(durationMs);
        const skipped = this.skippedSteps.get(name) ?? 0;
        return [
          name,
          { ...summary, skipped, checkFailures: byCount(this.checkFailures.get(name)) },
        ];
      }),
    );
  }

  private countCheckFailure(step: string, reason: string): void {
    let reasons = this.checkFailures.get(step);
    if (!reasons) this.checkFailures.set(step, (reasons = new Map()));
    bump(reasons, reason);
  }

  /** The iteration ends now (false when it already had): out of the list in flight. */
  private close(iteration: Iteration): boolean {
    if (iteration.done) return false;
    iteration.done = true;
    const it = iteration as ActiveIteration;
    const { prev, next } = it;
    if (prev === undefined) this.head = next;
    else prev.next = next;
    if (next === undefined) this.tail = prev;
    else next.prev = prev;
    it.prev = it.next = undefined;
    this.activeCount--;
    return true;
  }

  private counts(journey: string): JourneyCounts {
    return this.journeys.get(journey)!;
  }
}
