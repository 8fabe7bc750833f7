import { performance } from 'node:perf_hooks';
import type { CookieJar } from 'tough-cookie';
import type { JourneyVars } from '../contracts/journeys.js';
import { describeThrown } from '../engine/body-failure.js';
import type { JourneyFigures } from './journey-figures.js';
import { runStep, type StepEnv, type StepState } from './run-step.js';
import type { StepPlan } from './step-request.js';
import type { ResolvedJourney } from './validate-journeys.js';

/** A virtual user (closed model) or an arrival (open model): its vars per journey and its cookies. */
export interface JourneyUser {
  index: number;
  /** Made on the first Set-Cookie a journey with cookies receives. */
  cookies: { jar: CookieJar | undefined };
  /** init() vars (and kept captures) by journey name; made on the user's first iteration. */
  vars: Map<string, JourneyVars> | undefined;
  /** Journeys whose feeder had no row left for this user; made when the first runs out. */
  exhausted: Set<string> | undefined;
}

/** What the iterations of a run share. */
export interface IterationRun {
  env: StepEnv;
  figures: JourneyFigures;
  /** The plans of a journey's steps (worked out once per run), in step order. */
  plansOf(journey: ResolvedJourney): readonly StepPlan[];
  /** True once the run is over: no step starts after that. */
  stopped(): boolean;
  /** Wait `ms`, or less when the run stops. */
  sleep(ms: number): Promise<void>;
}

/** A fresh user (an open-model arrival is one: what it may never need is made when needed). */
export function newUser(index: number): JourneyUser {
  return { index, cookies: { jar: undefined }, vars: undefined, exhausted: undefined };
}

/**
 * The prototype of every iteration's vars: empty and without a prototype of its own, so no name
 * is inherited (a var may be called "__proto__" or "toString"). Object.create(null) would do that
 * too, but V8 keeps such an object as a hash table (≈ 130 ns to make and fill one, against a few
 * for an object on this prototype).
 */
const VARS_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** New, empty vars. */
export function newVars(): JourneyVars {
  return Object.create(VARS_PROTOTYPE) as JourneyVars;
}

/** A journey's base vars when init() gave none: an iteration without a feeder row starts empty. */
const NO_VARS: JourneyVars = Object.freeze(newVars());

/** The iteration's starting vars: init()'s (once per user and journey), then the feeder row's. */
function startVars(
  journey: ResolvedJourney,
  user: JourneyUser,
  row: JourneyVars | undefined,
): JourneyVars {
  const vars = (user.vars ??= new Map());
  let base = vars.get(journey.name);
  if (base === undefined) {
    const init = journey.init?.({ userIndex: user.index });
    base = Object.assign(newVars(), init);
    // Kept per user even when empty: init() runs once per user and journey.
    if (Object.keys(base).length === 0) base = NO_VARS;
    vars.set(journey.name, base);
  }
  const fresh = newVars();
  return base === NO_VARS && row === undefined ? fresh : Object.assign(fresh, base, row);
}

/** The feeder's row for this iteration; null when it ran out (the iteration does not start). */
function nextRow(
  run: IterationRun,
  journey: ResolvedJourney,
  user: JourneyUser,
): JourneyVars | undefined | null {
  if (!journey.feeder) return undefined;
  const row = journey.feeder.next(user.index);
  if (row !== undefined) return row;
  run.figures.notStarted(journey.name);
  (user.exhausted ??= new Set()).add(journey.name);
  return null;
}

/**
 * Walk one iteration of `journey` for `user`, its duration measured from `fromMs` (performance.now()
 * ms: the arrival's intended start in the open model). With `intended` (open model) every step is
 * timed from its intended start: the first from `fromMs`, a later one from the previous step's end
 * plus that step's think time, so a generator that sends a step late shows it as latency. Without,
 * each step is timed from its own send. Returns false when the journey did not start because its
 * feeder had no row left.
 */
export async function runIteration(
  run: IterationRun,
  journey: ResolvedJourney,
  user: JourneyUser,
  fromMs: number,
  intended: boolean,
): Promise<boolean> {
  const row = nextRow(run, journey, user);
  if (row === null) return false;
  const iteration = run.figures.start(journey.name, fromMs);
  const steps = journey.steps;
  let vars: JourneyVars;
  try {
    vars = startVars(journey, user, row);
  } catch (error) {
    const reason = `init threw: ${describeThrown(error)}`;
    run.figures.fail(
      iteration,
      '(init)',
      reason,
      steps.map((s) => s.name),
    );
    return true;
  }
  const state: StepState = {
    journey: journey.name,
    seq: iteration.seq,
    userIndex: user.index,
    vars,
    cookies: journey.cookies ? user.cookies : undefined,
    endedMs: fromMs,
  };
  const plans = run.plansOf(journey);
  for (let i = 0; i < steps.length; i++) {
    if (run.stopped()) return (run.figures.cancel(iteration), true);
    const step = steps[i];
    // A timer may fire a fraction of a millisecond early: never time a step from the future.
    const stepFromMs = !intended
      ? undefined
      : i === 0
        ? fromMs
        : Math.min(state.endedMs + steps[i - 1].thinkTimeMs, performance.now());
    const result = await runStep(run.env, plans[i], state, stepFromMs);
    if (result.kind === 'cancelled') return (run.figures.cancel(iteration), true);
    if (result.kind === 'failed') {
      run.figures.fail(
        iteration,
        step.name,
        result.reason,
        steps.slice(i + 1).map((s) => s.name),
        result.byCheck,
      );
      return true;
    }
    if (step.thinkTimeMs > 0 && i < steps.length - 1) await run.sleep(step.thinkTimeMs);
  }
  run.figures.complete(iteration, performance.now());
  if (journey.keepVars) user.vars!.set(journey.name, vars);
  return true;
}
