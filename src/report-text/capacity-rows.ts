import type { CapacityLevel, CapacityMeta, CapacitySlaLine } from '../contracts/capacity.js';

// What every report shows of a capacity search, as plain data: the text summary, the JUnit
// properties and the HTML page all read these, so they say the same thing.

/** One resource of the attribution table. */
export interface AttributionRow {
  resource: string;
  /** Its reading at the knee level; null when not read there. */
  atKnee: string | null;
  /** Its reading at the first failing level; null when not read there. */
  atFailing: string | null;
  saturated: boolean;
  /** The level it stayed saturated from, up to the first failing level; null when not saturated. */
  sinceLevel: number | null;
  /** True for the resource(s) that saturated at the lowest level. */
  first: boolean;
}

/** The last run of `level` (a level is summarised once; bisection never repeats one). */
export function levelAt(result: CapacityMeta, level: number | null): CapacityLevel | undefined {
  return level === null ? undefined : result.levels.filter((l) => l.level === level).at(-1);
}

/** The levels in ascending order. */
export function sortedLevels(result: CapacityMeta): CapacityLevel[] {
  return [...result.levels].sort((a, b) => a.level - b.level);
}

/** The level's p95 line (its interval), when the SLA judged p95. */
export function p95Line(level: CapacityLevel): CapacitySlaLine | undefined {
  return level.lines.find((l) => l.metric === 'p95');
}

/**
 * Every resource read at the first failing level (or, without one, at the highest level), with
 * its reading there and at the knee, and since which level it was saturated (from the
 * attribution). Empty when no level had resource readings.
 */
export function attributionRows(result: CapacityMeta): AttributionRow[] {
  const sorted = sortedLevels(result);
  const failing = levelAt(result, result.firstFailing) ?? sorted.at(-1);
  const knee = levelAt(result, result.knee);
  const since = new Map(result.attribution.limitedBy.map((r) => [r.resource, r.sinceLevel]));
  const rows = (failing?.resources ?? []).map((r) => ({
    resource: r.resource,
    atKnee: knee?.resources?.find((k) => k.resource === r.resource)?.text ?? null,
    atFailing: r.text,
    saturated: r.saturated,
    sinceLevel: r.saturated ? (since.get(r.resource) ?? failing?.level ?? null) : null,
    first: false,
  }));
  const firstLevel = Math.min(...rows.map((r) => r.sinceLevel ?? Infinity));
  return rows.map((r) => ({ ...r, first: r.sinceLevel !== null && r.sinceLevel === firstLevel }));
}

/** 'breaking point: 36 users (95%: passes at 36, fails at 37 on p95)' and the other outcomes. */
export function capacityHeadline(result: CapacityMeta): string {
  const unit = result.unit;
  const pct = `${Math.round(result.confidence * 1000) / 10}%`;
  const lines = result.brokenLines
    .map((l) => `${l.metric}${l.state === 'inconclusive' ? ' (inconclusive)' : ''}`)
    .join(', ');
  const bound = result.generatorBound ? ' — a lower bound set by the load generator' : '';
  const { capacity, firstFailing } = result;
  let head: string;
  if (result.outcome === 'limit-not-reached')
    head = `no breaking point up to ${capacity} ${unit} (limit not reached)`;
  else if (result.outcome === 'stopped')
    head = `search stopped before an answer (last pass ${capacity ?? 'none'}, first fail ${firstFailing ?? 'none'})`;
  else if (capacity === null)
    head = `no capacity: even ${firstFailing ?? 'the first level'} ${unit} did not pass (${lines || 'no level'})`;
  else
    head = `breaking point: ${capacity} ${unit} (${pct}: passes at ${capacity}, fails at ${firstFailing} on ${lines})`;
  return `${head}${bound}`;
}

/**
 * What limited the capacity in one line: 'pool_workers_busy 4 of 4 (saturated first, from 30
 * users); then pool_queue_length max 3 (from 35 users)', or why it cannot be said.
 */
export function limiterText(result: CapacityMeta): string {
  const a = result.attribution;
  const generator = result.generatorBound
    ? 'the load generator (it lagged or sent late: a lower bound)'
    : '';
  if (!a.possible || a.limitedBy.length === 0) return generator || a.text;
  const rows = attributionRows(result).filter((r) => r.saturated);
  const unit = result.unit;
  const ordered = [...rows].sort((x, y) => Number(y.first) - Number(x.first));
  const text = ordered
    .map((r, i) =>
      r.first
        ? `${r.atFailing} (saturated first, from ${r.sinceLevel} ${unit})`
        : `${i > 0 ? 'then ' : ''}${r.atFailing} (from ${r.sinceLevel} ${unit})`,
    )
    .join('; ');
  return generator ? `${generator}; ${text}` : text || a.text;
}

/** The resource that saturated first (the first of them), for a one-word property; null when none. */
export function limiterResource(result: CapacityMeta): string | null {
  if (result.generatorBound) return 'load generator';
  return attributionRows(result).find((r) => r.first)?.resource ?? null;
}

/** 'p95 < 500 ms, error rate < 5%': the SLA each level was judged against (from its lines). */
export function slaText(result: CapacityMeta): string {
  const lines = result.levels[0]?.lines ?? [];
  if (lines.length === 0) return 'n/a';
  return lines
    .map((l) => {
      const op = l.metric === 'throughput' ? '>' : '<';
      const limit =
        l.unit === 'fraction' ? `${Math.round(l.limit * 10000) / 100}%` : `${l.limit} ${l.unit}`;
      return `${l.metric} ${op} ${limit}`;
    })
    .join(', ');
}
