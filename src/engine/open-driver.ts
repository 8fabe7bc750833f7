import { performance } from 'node:perf_hooks';
import type { Ticket } from '../recorder/recorder.js';
import { ArrivalSchedule } from './arrival-schedule.js';
import { DRAIN_GRACE_MS, type Driver } from './driver.js';
import type { ScheduleReport } from '../contracts/schedule.js';
import { countSend, newSendStats, scheduleReport } from './schedule-report.js';
import { bodyFailure } from './body-failure.js';
import { HttpSender } from './http-sender.js';
import { finishSending, runLoop, type NextStep } from './driver-loop.js';
import { startLoopLagMonitor } from './loop-lag.js';
import { ratePlan } from './stage-plan.js';

export { LATE_THRESHOLD_MS } from './schedule-report.js';
/** Warn when more than this share of sends were late. */
const LATE_WARN_SHARE = 0.01;
/** At most this many sends per timer tick, so responses get handled between catch-up batches. */
const MAX_BATCH = 500;
/**
 * Sockets the open driver opens at most. After a hiccup, catch-up sends would otherwise open a
 * new socket each (hundreds at once), and on a busy machine that connect storm overflows the
 * server's accept queue and turns a 100 ms hiccup into seconds of stall. Requests beyond this
 * wait in the pool's queue: they count as in flight, and their latency from the intended send
 * includes the wait.
 */
export const MAX_CONNECTIONS = 256;

/**
 * Open model (arrival rate): sends on a fixed schedule whatever the server does, each
 * request timed from its intended send time (as wrk2 does), so a stalling server shows up
 * as latency instead of as fewer requests (no coordinated omission). A timer loop sends
 * everything whose intended time has passed; when the generator falls behind it sends late
 * and counts it, and when `maxInFlight` requests are open it drops the send and counts it.
 * Time is never stretched: sending stops when the plan ends.
 */
export const openDriver: Driver = async ({ options, recorder, plan, signal, warn }) => {
  const stagePlan = ratePlan(options);
  const schedule = new ArrivalSchedule(stagePlan);
  const plannedSends = schedule.plannedTotal;
  const staged = options.stages.length > 0;
  const sender = new HttpSender({
    origin: plan.origin,
    connections: Math.min(options.maxInFlight, MAX_CONNECTIONS),
    timeoutMs: options.timeoutMs,
    clientTimeout: options.clientTimeout,
    seed: options.seed,
    tls: options.tls,
  });
  const lagMonitor = startLoopLagMonitor();
  const endMs = stagePlan.totalMs;
  const stats = newSendStats();
  let stageIndex = -1;
  let shownRate = -1;
  const t0 = performance.now();

  const enterStage = (index: number) => {
    stageIndex = index;
    const name = stagePlan.stages[index].name;
    if (staged && name !== undefined) recorder.setPhase(name);
  };

  const fire = (intendedMs: number, nowMs: number) => {
    while (
      stageIndex + 1 < stagePlan.stages.length &&
      intendedMs >= stagePlan.stages[stageIndex + 1].startMs
    )
      enterStage(stageIndex + 1);
    const scenario = plan.pick();
    if (sender.inFlight >= options.maxInFlight) {
      stats.dropped++;
      recorder.drop(scenario.name);
      return;
    }
    countSend(stats, intendedMs, nowMs);
    const ticket: Ticket = recorder.begin(scenario.name, t0 + intendedMs);
    let request;
    try {
      request = plan.build(scenario, ticket.id);
    } catch (error) {
      recorder.end(ticket, bodyFailure(error));
      return;
    }
    sender.send(request, (finish) => recorder.end(ticket, finish));
  };

  enterStage(0);
  let nextMs = schedule.next();
  const tick = (): NextStep => {
    const nowMs = performance.now() - t0;
    const rate = Math.round(stagePlan.levelAt(Math.min(nowMs, endMs - 1e-6)));
    if (rate !== shownRate) recorder.setUsers((shownRate = rate));
    let batch = 0;
    while (nextMs <= nowMs && nextMs < endMs && batch < MAX_BATCH) {
      fire(nextMs, nowMs);
      nextMs = schedule.next();
      batch++;
    }
    const behind = nextMs <= nowMs && nextMs < endMs;
    if (nowMs >= endMs && !behind) return undefined;
    if (nowMs >= endMs + DRAIN_GRACE_MS) {
      // Still behind a full grace period after the end: give up on the rest, and say so.
      for (; nextMs < endMs; nextMs = schedule.next()) {
        stats.unsent++;
        recorder.drop(plan.pick().name);
      }
      return undefined;
    }
    if (behind) return 'now';
    return Math.max(0, Math.min(nextMs, endMs) - (performance.now() - t0) - 0.5);
  };
  await runLoop(signal, tick);
  const lag = await finishSending({
    sender,
    recorder,
    signal,
    drainMs: DRAIN_GRACE_MS,
    lag: lagMonitor,
    warn,
  });

  const report = scheduleReport(plannedSends, stats, lag);
  for (const message of scheduleWarnings(report, options.maxInFlight)) warn(message);
  return { engine: 'undici-open', schedule: report };
};

/** Plain-words warnings for a schedule the generator did not keep. */
export function scheduleWarnings(report: ScheduleReport, maxInFlight: number): string[] {
  const out: string[] = [];
  const share = (n: number) => `${Math.round((n / Math.max(1, report.plannedSends)) * 1000) / 10}%`;
  if (report.lateSends > report.sentSends * LATE_WARN_SHARE) {
    out.push(
      `generator fell behind: ${report.lateSends} of ${report.sentSends} sends ` +
        `(${share(report.lateSends)}) went out more than ` +
        `${report.lateThresholdMs} ms after their intended time (worst ${report.maxLateMs} ` +
        'ms); their latency includes that delay',
    );
  }
  if (report.droppedSends > 0) {
    out.push(
      `${report.droppedSends} send(s) (${share(report.droppedSends)}) dropped: ` +
        `${maxInFlight} requests (maxInFlight) were already in flight`,
    );
  }
  if (report.unsentSends > 0) {
    out.push(
      `${report.unsentSends} send(s) (${share(report.unsentSends)}) never made: the ` +
        'generator was still behind schedule when the run ended',
    );
  }
  return out;
}
