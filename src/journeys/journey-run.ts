import { performance } from 'node:perf_hooks';
import type { DriverContext } from '../engine/driver.js';
import { lagWarning, startLoopLagMonitor, type LoopLag } from '../engine/loop-lag.js';
import { createRandom } from '../random/random.js';
import { JourneyFigures } from './journey-figures.js';
import type { IterationRun, JourneyUser } from './iteration.js';
import { StepSender } from './step-sender.js';
import { planStep, type StepPlan } from './step-request.js';
import type { ResolvedJourney } from './validate-journeys.js';
import type { UintColumn } from './uint-column.js';

const DRAIN_POLL_MS = 5;
// Salt so journey picks do not repeat the think-time sequence.
const PICK_SALT = 0x1b873593;

/** One journey run's shared state: the sender, the figures, the stop, the seeded pick. */
export class JourneyRun implements IterationRun {
  readonly env: IterationRun['env'];
  readonly figures: JourneyFigures;
  private readonly sender: StepSender;
  private readonly plans = new Map<ResolvedJourney, readonly StepPlan[]>();
  private readonly stopping = new AbortController();
  // The signal's `aborted` is a getter with a brand check: every step asks, so a plain field.
  private isStopped = false;
  private readonly random: () => number;
  private readonly lag = startLoopLagMonitor();

  constructor(
    readonly context: DriverContext,
    readonly journeys: readonly ResolvedJourney[],
    connections: number,
    readonly journeyOfSeq: UintColumn,
  ) {
    const { options, recorder } = context;
    this.sender = new StepSender(
      options.target.origin,
      connections,
      options.timeoutMs,
      options.tls,
    );
    const headers: Record<string, string> = {};
    for (const name of Object.keys(options.headers))
      headers[name.toLowerCase()] = options.headers[name];
    this.env = {
      recorder,
      sender: this.sender,
      origin: options.target.origin,
      basePath: options.target.pathname.replace(/\/+$/, ''),
      idHeader: options.requestIdHeader,
      idPrefix: options.requestIdPrefix,
      headers,
      journeyOfSeq,
    };
    for (const journey of journeys)
      this.plans.set(
        journey,
        journey.steps.map((step) => planStep(this.env, step)),
      );
    this.figures = new JourneyFigures(journeys.map((j) => j.name));
    this.random = createRandom((options.seed ^ PICK_SALT) >>> 0);
  }

  stopped(): boolean {
    return this.isStopped;
  }

  plansOf(journey: ResolvedJourney): readonly StepPlan[] {
    return this.plans.get(journey)!;
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped()) return Promise.resolve();
    return new Promise((resolve) => {
      const signal = this.stopping.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** A journey by weight among those `user` has rows for; undefined when none is left. */
  pick(user?: JourneyUser): ResolvedJourney | undefined {
    // One journey (the common case): no array per pick, and no draw, as with one open journey.
    if (this.journeys.length === 1) {
      const only = this.journeys[0];
      return user?.exhausted?.has(only.name) ? undefined : only;
    }
    const { exhausted } = user ?? {};
    const open = exhausted ? this.journeys.filter((j) => !exhausted.has(j.name)) : this.journeys;
    if (open.length <= 1) return open[0];
    let x = this.random() * open.reduce((sum, j) => sum + j.weight, 0);
    for (const journey of open) if ((x -= journey.weight) < 0) return journey;
    return open[open.length - 1];
  }

  /**
   * End the run: wait up to `drainMs` for iterations in flight (not after an abort), then stop every
   * step from starting, cancel what is in flight (recorder and figures), close the sockets, warn on lag.
   */
  async finish(drainMs: number): Promise<LoopLag> {
    const deadline = performance.now() + drainMs;
    while (
      this.figures.inFlight > 0 &&
      !this.context.signal.aborted &&
      performance.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    this.stop();
    this.context.recorder.stop();
    this.figures.cancelAll();
    await this.sender.close();
    const lag = this.lag.stop();
    const message = lagWarning(lag);
    if (message) this.context.warn(message);
    return lag;
  }

  /** Stop new steps from starting (users stop at their next step); in-flight ones may still finish. */
  halt(): void {
    this.stop();
  }

  private stop(): void {
    this.isStopped = true;
    this.stopping.abort();
  }
}
