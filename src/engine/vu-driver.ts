import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import type { Finish } from '../recorder/tally.js';
import type { Driver } from './driver.js';
import { bodyFailure } from './body-failure.js';
import { HttpSender } from './http-sender.js';
import { finishSending, runLoop, type NextStep } from './driver-loop.js';
import { startLoopLagMonitor } from './loop-lag.js';
import { DRAIN_GRACE_MS, END_DRAIN_MS } from './driver.js';
import type { PlannedRequest } from './request-plan.js';
import { createRandom, uniformMs } from '../random/random.js';
import { usersPlan } from './stage-plan.js';

/** How often the user count is brought to the plan (ramps move in steps this fine). */
export const CONTROL_INTERVAL_MS = 100;
// Salt so think times do not repeat the scenario-pick sequence.
const THINK_SALT = 0x2545f491;

/** One virtual user's loop state. */
interface VirtualUser {
  /** Set when the plan no longer needs this user: it ends its current request, then stops. */
  retired: boolean;
  /** Ends the current think time early. */
  wake: (() => void) | undefined;
}

/**
 * Closed model on undici: each virtual user sends, waits for the answer, thinks (uniform in
 * [min, max], seeded), and repeats, with a scenario picked per iteration. The number of users
 * follows the plan (constant, stepped or linearly ramped stages), adjusted every 100 ms;
 * a user no longer needed finishes its current request and stops. Latency is service time.
 */
export const vuDriver: Driver = async ({ options, recorder, plan, signal, warn }) => {
  const stagePlan = usersPlan(options);
  const staged = options.stages.length > 0;
  const sender = new HttpSender({
    origin: plan.origin,
    connections: Math.max(1, stagePlan.maxLevel),
    timeoutMs: options.timeoutMs,
    clientTimeout: options.clientTimeout,
    seed: options.seed,
    tls: options.tls,
  });
  const thinkRandom = createRandom((options.seed ^ THINK_SALT) >>> 0);
  const lagMonitor = startLoopLagMonitor();
  const active: VirtualUser[] = [];
  const running = new Set<Promise<void>>();
  let budget = options.requests ?? Infinity;
  let stopping = false;
  let stageIndex = -1;

  const send = (request: PlannedRequest) =>
    new Promise<Finish>((resolve) => sender.send(request, resolve));

  const think = (user: VirtualUser) => {
    const { minMs, maxMs } = options.thinkTime!;
    const ms = uniformMs(thinkRandom, minMs, maxMs);
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        user.wake = undefined;
        resolve();
      }, ms);
      user.wake = () => {
        clearTimeout(timer);
        user.wake = undefined;
        resolve();
      };
    });
  };

  const runUser = async (user: VirtualUser) => {
    while (!stopping && !user.retired && budget > 0) {
      budget--;
      const scenario = plan.pick();
      const ticket = recorder.begin(scenario.name);
      let request: PlannedRequest | undefined;
      try {
        request = plan.build(scenario, ticket.id);
      } catch (error) {
        recorder.end(ticket, bodyFailure(error));
        // Yield, or a body function that always throws would spin here and starve every timer (the stop too).
        await setImmediate();
        request = undefined;
      }
      if (request) recorder.end(ticket, await send(request));
      if (stopping || user.retired || budget <= 0) break;
      if (options.thinkTime) await think(user);
    }
  };

  const setUsers = (target: number) => {
    while (active.length < target) {
      const user: VirtualUser = { retired: false, wake: undefined };
      active.push(user);
      const loop = runUser(user).finally(() => running.delete(loop));
      running.add(loop);
    }
    while (active.length > target) {
      const user = active.pop()!;
      user.retired = true;
      user.wake?.();
    }
    recorder.setUsers(active.length);
  };

  const t0 = performance.now();
  const control = (): NextStep => {
    const nowMs = performance.now() - t0;
    const outOfRequests = budget <= 0 && running.size === 0;
    if (nowMs >= stagePlan.totalMs || outOfRequests) return undefined;
    const index = stagePlan.stageIndexAt(nowMs);
    if (index !== stageIndex) {
      stageIndex = index;
      const name = stagePlan.stages[index].name;
      if (staged && name !== undefined) recorder.setPhase(name);
    }
    setUsers(Math.round(stagePlan.levelAt(nowMs)));
    // Wake exactly at the next stage boundary or the end, else every control interval.
    const boundary = stagePlan.stages[index].endMs - nowMs;
    return Math.max(1, Math.min(CONTROL_INTERVAL_MS, boundary));
  };
  await runLoop(signal, control, () => {
    stopping = true;
    for (const user of active) user.wake?.();
  });

  // A timed run must stop within 1 s of its end whatever the user count: what is still in flight
  // gets what is left of END_DRAIN_MS after the planned end, and closing the sockets the rest.
  const endDrainMs = Math.min(
    DRAIN_GRACE_MS,
    Math.max(0, t0 + stagePlan.totalMs + END_DRAIN_MS - performance.now()),
  );
  await finishSending({
    sender,
    recorder,
    signal,
    drainMs: options.requests !== undefined ? options.timeoutMs : endDrainMs,
    lag: lagMonitor,
    warn,
  });
  return { engine: 'undici' };
};
