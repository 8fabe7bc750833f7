import { performance } from 'node:perf_hooks';
import {
  resolveCapacityOptions,
  type CapacityOptions,
  type ResolvedCapacityOptions,
} from './capacity-options.js';
import type { CapacityResult, LevelSummary, SettleReport } from './capacity-types.js';
import { drainTarget } from './drain-target.js';
import { runLevel } from './run-level.js';
import { attribute } from './attribute.js';
import { kneeLevel } from './knee.js';
import { fitUsl } from './usl-fit.js';
import { currentTest, recordCapacityInTest } from '../vitest/current-test.js';

/** The search's state between levels. */
interface Search {
  options: ResolvedCapacityOptions;
  levels: LevelSummary[];
  signal: AbortSignal;
  deadline: number;
  warnings: string[];
}

/**
 * Find the highest load level (users, or rps in the open model) at which the target meets
 * `sla` with confidence. Steps from `from` by `step` to `to`; each level is one load() run of
 * `levelDuration` judged pass / fail / inconclusive (inconclusive levels are extended, never
 * counted as a pass). Stops at the first level that does not pass, then bisects between the
 * last pass and it down to `resolution`. Between levels the target drains (drainTarget); the whole search
 * stops by `maxWallTime` (ms or '10m'). Throws InvalidOptionError for bad options only.
 */
export async function findCapacity(options: CapacityOptions): Promise<CapacityResult> {
  const resolved = resolveCapacityOptions(options);
  const started = performance.now();
  const wall = AbortSignal.timeout(resolved.maxWallTimeMs);
  const user = resolved.load.signal;
  const signal = user ? AbortSignal.any([user, wall]) : wall;
  const search: Search = {
    options: resolved,
    levels: [],
    signal,
    deadline: started + resolved.maxWallTimeMs,
    warnings: [],
  };
  const { lastPass, firstFail, stopped } = await stepAndRefine(search);
  if (wall.aborted)
    search.warnings.push(`search stopped by maxWallTime (${resolved.maxWallTimeMs} ms)`);
  else if (stopped) search.warnings.push('search stopped by its signal');
  const failing = search.levels.find((l) => l.level === firstFail && l.state !== 'pass');
  const deciding = search.levels.filter((l) => l.level === lastPass || l.level === firstFail);
  const generatorBound = deciding.some((l) => l.generatorWarnings.length > 0);
  const result: CapacityResult = {
    kind: 'vitest-stress/capacity',
    model: resolved.model,
    unit: resolved.model === 'closed' ? 'users' : 'rps',
    outcome: stopped
      ? 'stopped'
      : lastPass === null
        ? 'none'
        : firstFail === null
          ? 'limit-not-reached'
          : 'found',
    capacity: lastPass,
    firstFailing: firstFail,
    brokenLines: failing ? failing.lines.filter((l) => l.state !== 'pass') : [],
    generatorBound,
    knee: kneeLevel(search.levels),
    usl:
      resolved.model === 'closed'
        ? fitUsl(
            search.levels.map((l) => l.level),
            search.levels.map((l) => l.throughputRps),
          )
        : 'a USL fit needs the closed model (users levels)',
    attribution: attribute(search.levels, firstFail, generatorBound),
    confidence: resolved.confidence,
    resolution: resolved.resolution,
    levels: search.levels,
    wallTimeMs: Math.round(performance.now() - started),
    warnings: search.warnings,
  };
  // The reports show the search whole (levels, knee, USL, attribution), not only a verdict line.
  recordCapacityInTest(result, currentTest());
  return result;
}

async function stepAndRefine(search: Search) {
  const { fromLevel, toLevel, stepLevel, resolution, model } = search.options;
  let lastPass: number | null = null;
  let firstFail: number | null = null;
  for (let level = fromLevel; ; level = Math.min(toLevel, level + stepLevel)) {
    const stepped = await judged(search, level, 'step');
    if (stepped === undefined) return { lastPass, firstFail, stopped: true };
    if (stepped.state !== 'pass') {
      firstFail = level;
      break;
    }
    lastPass = level;
    if (level >= toLevel) break;
  }
  if (lastPass === null || firstFail === null) return { lastPass, firstFail, stopped: false };
  while (firstFail - lastPass > resolution) {
    const mid =
      model === 'closed' ? Math.floor((lastPass + firstFail) / 2) : (lastPass + firstFail) / 2;
    const judgedMid = await judged(search, Math.round(mid * 1000) / 1000, 'refine');
    if (judgedMid === undefined) return { lastPass, firstFail, stopped: true };
    if (judgedMid.state === 'pass') lastPass = judgedMid.level;
    else firstFail = judgedMid.level;
  }
  return { lastPass, firstFail, stopped: false };
}

/** Settle, run and judge one level; undefined when the search was stopped (its level not counted). */
async function judged(
  search: Search,
  level: number,
  phase: LevelSummary['phase'],
): Promise<LevelSummary | undefined> {
  if (search.signal.aborted) return undefined;
  const first = search.levels.length === 0;
  // Before every run but the search's very first: the last run's leftovers must not count here.
  const settle = (run: number) =>
    first && run === 1 ? Promise.resolve(undefined) : settleTarget(search);
  const settled = await settle(1);
  if (
    search.signal.aborted ||
    performance.now() + search.options.levelDurationMs > search.deadline
  ) {
    return undefined;
  }
  const summary = await runLevel(search.options, level, phase, search.signal, (run) =>
    run === 1 ? Promise.resolve(settled) : settle(run),
  );
  if (search.signal.aborted) return undefined;
  search.levels.push(summary);
  return summary;
}

/** Let the target finish what the last run left in flight (drainTarget); undefined for `settle: 0`. */
async function settleTarget(search: Search): Promise<SettleReport | undefined> {
  const { settleTimeoutMs, settleQuietMs, metrics } = search.options;
  if (settleTimeoutMs + settleQuietMs <= 0) return undefined;
  const urls = (metrics ?? []).map((m) => m.url);
  const timing = { timeoutMs: settleTimeoutMs, quietMs: settleQuietMs };
  return drainTarget(urls, timing, search.signal);
}
