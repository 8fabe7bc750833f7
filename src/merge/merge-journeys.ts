import type { RunMeta } from '../contracts/meta.js';
import { mergeSummaries, sumErrors, type PartSummary } from './merge-summary.js';

type StepPart = NonNullable<RunMeta['steps']>[string];
type JourneyPart = NonNullable<RunMeta['journeys']>[string];

const JOURNEY_COUNTS = [
  'started',
  'completed',
  'failed',
  'cancelled',
  'notStarted',
  'dropped',
] as const;

/** Group the splits' parts by name (a name missing in some splits merges the copies there are). */
function byName<T>(maps: ReadonlyArray<Record<string, T> | undefined>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const map of maps)
    for (const [name, part] of Object.entries(map ?? {}))
      out.set(name, [...(out.get(name) ?? []), part]);
  return out;
}

/** Add per-name counts (failed at which step, skipped steps); a null-prototype record. */
function sumByName(records: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const sum = new Map<string, number>();
  for (const record of records)
    for (const [name, n] of Object.entries(record)) sum.set(name, (sum.get(name) ?? 0) + n);
  const out: Record<string, number> = Object.create(null);
  for (const [name, n] of sum) out[name] = n;
  return out;
}

/**
 * Merge the splits' step figures by step name over the merged window: each a scenario-like
 * summary (histograms added exactly), plus the skipped sends summed and the check failures summed
 * by reason. Undefined when no split ran journeys.
 */
export function mergeSteps(
  runs: ReadonlyArray<Pick<RunMeta, 'steps'>>,
  windowMs: number,
): RunMeta['steps'] {
  if (runs.every((r) => r.steps === undefined)) return undefined;
  const out: NonNullable<RunMeta['steps']> = Object.create(null);
  for (const [name, list] of byName<StepPart>(runs.map((r) => r.steps))) {
    const skipped = list.reduce((n, s) => n + s.skipped, 0);
    const checks = list.some((s) => s.checkFailures)
      ? { checkFailures: sumErrors(list.map((s) => ({ errors: s.checkFailures ?? [] }))) }
      : {};
    out[name] = {
      ...(mergeSummaries(list as PartSummary[], windowMs) as PartSummary),
      skipped,
      ...checks,
    };
  }
  return out;
}

/**
 * Merge the splits' journey figures by journey name: the summary (iterations as requests, the
 * duration histograms added), the iteration counts summed, and failed-at / skipped-step counts
 * added by step name.
 */
export function mergeJourneys(
  runs: ReadonlyArray<Pick<RunMeta, 'journeys'>>,
  windowMs: number,
): RunMeta['journeys'] {
  if (runs.every((r) => r.journeys === undefined)) return undefined;
  const out: NonNullable<RunMeta['journeys']> = Object.create(null);
  for (const [name, list] of byName<JourneyPart>(runs.map((r) => r.journeys))) {
    const counts = Object.fromEntries(
      JOURNEY_COUNTS.map((key) => [key, list.reduce((n, j) => n + j[key], 0)]),
    ) as Record<(typeof JOURNEY_COUNTS)[number], number>;
    out[name] = {
      ...(mergeSummaries(list as PartSummary[], windowMs) as PartSummary),
      ...counts,
      failedAt: sumByName(list.map((j) => j.failedAt)),
      skippedSteps: sumByName(list.map((j) => j.skippedSteps)),
    };
  }
  return out;
}
