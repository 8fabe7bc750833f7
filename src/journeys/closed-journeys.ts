import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { runLoop, type NextStep } from '../engine/driver-loop.js';
import { DRAIN_GRACE_MS, END_DRAIN_MS, type DriverContext } from '../engine/driver.js';
import { usersPlan } from '../engine/stage-plan.js';
import { createRandom, uniformMs } from '../random/random.js';
import { newUser, runIteration, type JourneyUser } from './iteration.js';
import { JourneyRun } from './journey-run.js';
import type { ResolvedJourney } from './validate-journeys.js';
import type { UintColumn } from './uint-column.js';

const CONTROL_INTERVAL_MS = 100;
const THINK_SALT = 0x2545f491;

interface LoopingUser {
  user: JourneyUser;
  retired: boolean;
}

/**
 * Closed model: each virtual user walks a journey (picked by weight), thinks (`thinkTime`,
 * between iterations; a step's own `thinkTime` between its steps), and starts the next one. The
 * number of users follows the plan like the virtual-user driver's. A user whose journeys' feeders
 * are all exhausted stops. At the end, steps in flight get what is left of END_DRAIN_MS; the
 * iterations they belong to are cancelled.
 */
export async function runClosedJourneys(
  context: DriverContext,
  journeys: readonly ResolvedJourney[],
  journeyOfSeq: UintColumn,
): Promise<JourneyRun> {
  const { options, recorder, signal } = context;
  const plan = usersPlan(options);
  const run = new JourneyRun(context, journeys, Math.max(1, plan.maxLevel), journeyOfSeq);
  const thinkRandom = createRandom((options.seed ^ THINK_SALT) >>> 0);
  const active: LoopingUser[] = [];
  let nextIndex = 0;
  let stageIndex = -1;

  const loop = async (looping: LoopingUser) => {
    while (!run.stopped() && !looping.retired) {
      const journey = run.pick(looping.user);
      if (!journey) return;
      const started = await runIteration(run, journey, looping.user, performance.now(), false);
      // Yield after a journey that did not start, or a user with an exhausted feeder would spin.
      if (!started) await setImmediate();
      else if (options.thinkTime && !run.stopped())
        await run.sleep(uniformMs(thinkRandom, options.thinkTime.minMs, options.thinkTime.maxMs));
    }
  };

  const setUsers = (target: number) => {
    while (active.length < target) {
      const looping: LoopingUser = { user: newUser(nextIndex++), retired: false };
      active.push(looping);
      void loop(looping);
    }
    while (active.length > target) active.pop()!.retired = true;
    recorder.setUsers(active.length);
  };

  const t0 = performance.now();
  const control = (): NextStep => {
    const nowMs = performance.now() - t0;
    if (nowMs >= plan.totalMs) return undefined;
    const index = plan.stageIndexAt(nowMs);
    if (index !== stageIndex) {
      stageIndex = index;
      const name = plan.stages[index].name;
      if (options.stages.length > 0 && name !== undefined) recorder.setPhase(name);
    }
    setUsers(Math.round(plan.levelAt(nowMs)));
    return Math.max(1, Math.min(CONTROL_INTERVAL_MS, plan.stages[index].endMs - nowMs));
  };
  await runLoop(signal, control, () => run.halt());
  const drainMs = Math.min(
    DRAIN_GRACE_MS,
    Math.max(0, t0 + plan.totalMs + END_DRAIN_MS - performance.now()),
  );
  await run.finish(drainMs);
  return run;
}
