import type { RunSummary } from '../contracts/run-result.js';
import { Tally, type Finish } from './tally.js';

interface PhaseSpan {
  tally: Tally;
  startMs: number;
  endMs: number | undefined;
}

/** The run's summaries: the run's, each scenario's and each phase's. */
export interface RunSummaries {
  total: RunSummary;
  scenarios: Record<string, RunSummary>;
  phases: Record<string, RunSummary>;
}

/**
 * The tallies of a run: the run's own, one per scenario and one per phase. Each event is
 * counted in the run's tally, its scenario's and its phase's. While every request so far had
 * the same scenario its tally would equal the run's, so it is not kept (one histogram record
 * less per response) until a second scenario shows up. From then on the run's histogram is
 * not recorded either: it is the sum of the scenarios' (each success is in exactly one), added
 * up when it is read (`totalHistogram()`: a look, the progress line, the summary), so a
 * response costs two histogram records (its scenario's, the second's) as it did before the split.
 */
export class RunTallies {
  /** The run's counts; its histogram is current only through totalHistogram(). */
  readonly total = new Tally();
  private readonly scenarios = new Map<string, Tally>();
  private readonly phases = new Map<string, PhaseSpan>();
  private soleScenario: string | undefined;
  private split = false;
  /** Split, and a success was recorded since the run's histogram was last added up. */
  private stale = false;
  /** The phase requests sent from now on belong to. */
  phase: string | undefined;

  sent(scenario: string, phase: string | undefined): void {
    const scenarioTally = this.splitTally(scenario);
    this.total.sent();
    scenarioTally?.sent();
    this.phaseTally(phase)?.sent();
  }

  finish(scenario: string, phase: string | undefined, finish: Finish, latencyMs: number): void {
    if (finish.kind === 'response') return this.response(scenario, phase, finish.status, latencyMs);
    this.total.finish(finish, latencyMs);
    if (this.split) this.scenarioTally(scenario).finish(finish, latencyMs);
    this.phaseTally(phase)?.finish(finish, latencyMs);
  }

  response(scenario: string, phase: string | undefined, status: number, latencyMs: number): void {
    if (this.split) {
      if (this.total.countResponse(status)) this.stale = true;
      this.scenarioTally(scenario).response(status, latencyMs);
    } else this.total.response(status, latencyMs);
    if (phase !== undefined) this.phaseTally(phase)?.response(status, latencyMs);
  }

  /** The run's histogram of successes, up to date. */
  totalHistogram(): Tally['histogram'] {
    const histogram = this.total.histogram;
    if (!this.stale) return histogram;
    this.stale = false;
    histogram.reset();
    for (const tally of this.scenarios.values()) histogram.add(tally.histogram);
    return histogram;
  }

  cancelled(scenario: string, phase: string | undefined): void {
    this.total.cancelled();
    if (this.split) this.scenarioTally(scenario).cancelled();
    this.phaseTally(phase)?.cancelled();
  }

  /** Open model: a send skipped because too many requests were in flight. */
  dropped(scenario: string): void {
    const scenarioTally = this.splitTally(scenario);
    this.total.dropped();
    scenarioTally?.dropped();
    this.phaseTally(this.phase)?.dropped();
  }

  /** Active users (closed model) or target rate (open model) now: the maxima of the run and its phase. */
  users(users: number): void {
    this.total.maxUsers = Math.max(this.total.maxUsers, users);
    const span = this.phase === undefined ? undefined : this.phases.get(this.phase);
    if (span) span.tally.maxUsers = Math.max(span.tally.maxUsers, users);
  }

  /** Enter phase `name` at `nowMs`: the previous one ends there. */
  enterPhase(name: string, nowMs: number): void {
    const previous = this.phase === undefined ? undefined : this.phases.get(this.phase);
    if (previous) previous.endMs = nowMs;
    this.phase = name;
    if (!this.phases.has(name))
      this.phases.set(name, { tally: new Tally(), startMs: nowMs, endMs: undefined });
  }

  /** Summaries of a run that lasted `durationMs` and ended at `endMs`. */
  summarize(durationMs: number, endMs: number): RunSummaries {
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
    const phases = [...this.phases].map(([name, span]): [string, RunSummary] => [
      name,
      span.tally.summarize((span.endMs ?? endMs) - span.startMs),
    ]);
    this.totalHistogram();
    return {
      total: this.total.summarize(durationMs),
      scenarios: Object.fromEntries(scenarioEntries),
      phases: Object.fromEntries(phases),
    };
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
