import type { LedgerEntry, MergedInfo } from '../contracts/run-result.js';
import type { RunMeta } from '../contracts/meta.js';
import { mergeSummaries, type PartSummary } from './merge-summary.js';
import { mergeTimelines } from './merge-timeline.js';
import { mergeJourneys, mergeSteps } from './merge-journeys.js';
import { exactSecondPercentiles, mergeSecondHistograms } from './merge-second-histograms.js';

/** One split's copy of a run, with the split it came from (1-based). */
export interface SplitRun {
  split: number;
  run: RunMeta & { ledger?: LedgerEntry[] };
}

/**
 * Merge one run of a test as every split recorded it into the run of the whole load. The window
 * is wall time from the earliest split start to the latest split end: the whole run's throughput
 * is its finished requests over that window (the splits' throughputs summed when they overlap
 * exactly). Scenarios, journey steps and journeys are merged over the same window; phases over
 * their longest copy. The
 * seconds' histograms are added second by second on wall time (the splits share a common start),
 * so the merged run can be compared with a baseline like one process's run.
 * Sections the merge does not know (schedule, chaos faults, server metrics) are left out.
 */
export function mergeRun(parts: ReadonlyArray<SplitRun>): RunMeta {
  const starts = parts.map((p) => Date.parse(p.run.startedAt));
  const originMs = Math.min(...starts);
  const windowMs = Math.max(...parts.map((p, i) => starts[i] + p.run.durationMs)) - originMs;
  const runs = parts.map((p) => p.run);
  const first = runs[0];
  const placed = parts.map((p, i) => ({
    startedAtMs: starts[i],
    timeline: p.run.timeline,
    ...(p.run.secondHistograms ? { secondHistograms: p.run.secondHistograms } : {}),
  }));
  const timeline = mergeTimelines(placed);
  const secondHistograms = mergeSecondHistograms(placed, timeline);
  const merged: RunMeta = {
    ...(first.name !== undefined ? { name: first.name } : {}),
    model: first.model,
    measured: first.measured,
    engine: first.engine,
    profile: first.profile,
    target: first.target,
    startedAt: new Date(originMs).toISOString(),
    ...(mergeSummaries(runs, windowMs) as PartSummary & { histogram: string }),
    timeline: secondHistograms ? exactSecondPercentiles(timeline, secondHistograms) : timeline,
    ...(secondHistograms ? { secondHistograms } : {}),
    scenarios: mergeParts(
      runs.map((r) => r.scenarios),
      () => windowMs,
    ),
    phases: mergeParts(
      runs.map((r) => r.phases),
      (list) => Math.max(...list.map((s) => s.durationMs)),
    ),
    ...optional('steps', mergeSteps(runs, windowMs)),
    ...optional('journeys', mergeJourneys(runs, windowMs)),
    warnings: parts.flatMap((p) => p.run.warnings.map((w) => `split ${p.split}: ${w}`)),
    merged: mergedInfo(parts, starts, windowMs),
  };
  const ledgers = runs.map((r) => r.ledger);
  if (ledgers.every((l) => Array.isArray(l)))
    (merged as RunMeta & { ledger: LedgerEntry[] }).ledger = ledgers.flatMap((l) => l ?? []);
  return merged;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function mergedInfo(
  parts: ReadonlyArray<SplitRun>,
  starts: number[],
  windowMs: number,
): MergedInfo {
  return {
    count: parts.length,
    splits: parts.map((p, i) => ({
      index: p.split,
      startedAt: new Date(starts[i]).toISOString(),
      lateStartMs: p.run.split?.lateStartMs ?? 0,
      requests: p.run.requests.total,
    })),
    windowMs: Math.round(windowMs),
  };
}

/** Merge scenarios (or phases) by name; a name missing in some splits merges the copies there are. */
function mergeParts(
  maps: ReadonlyArray<Record<string, PartSummary>>,
  durationOf: (list: PartSummary[]) => number,
): Record<string, PartSummary> {
  const byName = new Map<string, PartSummary[]>();
  for (const map of maps)
    for (const [name, summary] of Object.entries(map))
      byName.set(name, [...(byName.get(name) ?? []), summary]);
  const out: Record<string, PartSummary> = Object.create(null);
  for (const [name, list] of byName) out[name] = mergeSummaries(list, durationOf(list));
  return out;
}
