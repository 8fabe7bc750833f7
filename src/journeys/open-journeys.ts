import { performance } from 'node:perf_hooks';
import type { ScheduleReport } from '../contracts/schedule.js';
import { ArrivalSchedule } from '../engine/arrival-schedule.js';
import { runLoop, type NextStep } from '../engine/driver-loop.js';
import { DRAIN_GRACE_MS, type DriverContext } from '../engine/driver.js';
import { MAX_CONNECTIONS, scheduleWarnings } from '../engine/open-driver.js';
import { countSend, newSendStats, scheduleReport } from '../engine/schedule-report.js';
import { ratePlan } from '../engine/stage-plan.js';
import { newUser, runIteration } from './iteration.js';
import { JourneyRun } from './journey-run.js';
import type { ResolvedJourney } from './validate-journeys.js';
import type { UintColumn } from './uint-column.js';

const MAX_BATCH = 500;

/**
 * Open model: `rate` journeys start per second on the arrival schedule whatever the service does.
 * Each arrival is a fresh user (init() and cookies of its own, userIndex = arrival number). A
 * journey's duration and its first step's latency are measured from the arrival's intended start,
 * a later step's from the previous step's end plus its think time, so a stalling service (or a
 * generator that falls behind) shows as longer journeys and steps, not fewer (no coordinated
 * omission). With
 * `maxInFlight` journeys in flight an arrival is dropped and counted; late starts are counted as
 * late sends are. After the schedule, journeys in flight get DRAIN_GRACE_MS to finish.
 */
export async function runOpenJourneys(
  context: DriverContext,
  journeys: readonly ResolvedJourney[],
  journeyOfSeq: UintColumn,
): Promise<{ run: JourneyRun; schedule: ScheduleReport }> {
  const { options, recorder, signal } = context;
  const plan = ratePlan(options);
  const schedule = new ArrivalSchedule(plan);
  const run = new JourneyRun(
    context,
    journeys,
    Math.min(options.maxInFlight, MAX_CONNECTIONS),
    journeyOfSeq,
  );
  const stats = newSendStats();
  const endMs = plan.totalMs;
  let arrivals = 0;
  let stageIndex = -1;
  let shownRate = -1;
  const t0 = performance.now();

  const fire = (intendedMs: number, nowMs: number) => {
    while (
      stageIndex + 1 < plan.stages.length &&
      intendedMs >= plan.stages[stageIndex + 1].startMs
    ) {
      const name = plan.stages[++stageIndex].name;
      if (options.stages.length > 0 && name !== undefined) recorder.setPhase(name);
    }
    const journey = run.pick()!;
    if (run.figures.inFlight >= options.maxInFlight) {
      stats.dropped++;
      run.figures.dropped(journey.name);
      return;
    }
    countSend(stats, intendedMs, nowMs);
    void runIteration(run, journey, newUser(arrivals++), t0 + intendedMs, true);
  };

  let nextMs = schedule.next();
  const tick = (): NextStep => {
    const nowMs = performance.now() - t0;
    const rate = Math.round(plan.levelAt(Math.min(nowMs, endMs - 1e-6)));
    if (rate !== shownRate) recorder.setUsers((shownRate = rate));
    for (let batch = 0; nextMs <= nowMs && nextMs < endMs && batch < MAX_BATCH; batch++) {
      fire(nextMs, nowMs);
      nextMs = schedule.next();
    }
    const behind = nextMs <= nowMs && nextMs < endMs;
    if (nowMs >= endMs && !behind) return undefined;
    if (nowMs >= endMs + DRAIN_GRACE_MS) {
      for (; nextMs < endMs; nextMs = schedule.next()) stats.unsent++;
      return undefined;
    }
    if (behind) return 'now';
    return Math.max(0, Math.min(nextMs, endMs) - (performance.now() - t0) - 0.5);
  };
  await runLoop(signal, tick);
  const lag = await run.finish(DRAIN_GRACE_MS);
  const report = scheduleReport(schedule.plannedTotal, stats, lag);
  for (const message of scheduleWarnings(report, options.maxInFlight))
    context.warn(`journeys: ${message}`);
  return { run, schedule: report };
}
