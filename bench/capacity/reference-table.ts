import { availableParallelism } from 'node:os';
import type { CapacityResult, LevelSummary } from '../../src/capacity/capacity-types.js';
import { cpuEvidence } from './noise.js';

/** One findCapacity() run of the bench, with the machine's 1-minute load average at its start. */
export interface ReferenceRun {
  name: string;
  result: CapacityResult;
  loadAtStart: number;
}

/** How the bench ran: the search's range and SLA, and `uptime`'s load averages around it. */
export interface ReferenceSetup {
  levelDuration: string;
  range: { from: number; to: number; step: number };
  resolution: number;
  sla: { p95: number; errorRate: number };
  loadBefore: number[];
  loadAfter: number[];
  /** When the last run ended, ISO 8601. */
  measuredAt: string;
}

/** What `--json` keeps of a bench run and `--render` reads back. */
export interface BenchRecord {
  setup: ReferenceSetup;
  runs: ReferenceRun[];
}

const MARK: Record<LevelSummary['state'], string> = { pass: '✓', fail: '✗', inconclusive: '?' };

/** '10✓ 40✓ 70✗ 55✓(3)': each level in the order run, its verdict, its runs when extended. */
export function levelTrail(levels: readonly LevelSummary[]): string {
  return levels
    .map((l) => `${l.level}${MARK[l.state]}${l.runs > 1 ? `(${l.runs})` : ''}`)
    .join(' ');
}

/** The attribution's first limit on the target's side (the generator has its own column). */
export function targetLimiter(result: CapacityResult): string {
  const first = result.attribution.limitedBy.find((r) => r.resource !== 'load generator');
  if (first) return first.text;
  return result.attribution.possible ? 'nothing at its limit' : result.attribution.text;
}

/** '40 (p95 5915 ms)': the first failing level and the SLA lines it broke, with their figures. */
export function firstFailingCell(result: CapacityResult): string {
  if (result.firstFailing === null) return '—';
  const broke = result.brokenLines.map((l) => {
    if (l.observed === null) return l.metric;
    const figure =
      l.unit === 'fraction' ? `${(l.observed * 100).toFixed(1)}%` : l.observed.toFixed(0);
    return `${l.metric} ${figure}${l.unit === 'ms' ? ' ms' : ''}`;
  });
  return `${result.firstFailing} (${broke.join(', ')})`;
}

/**
 * The service's CPU (its /metrics' process_cpu_seconds_total rate, in cores) and throughput at
 * the first failing level: with its SHAP queue full, CPU well under its cores means other
 * processes had them, and the throughput (so the p95 at N users, ≈ N / throughput) follows it.
 */
export function cpuAtFailing(result: CapacityResult): string {
  const failing = result.levels.filter((l) => l.level === result.firstFailing).at(-1);
  const cpu = failing?.resources?.find((r) => / CPU$/.test(r.resource));
  if (!failing || !cpu) return '—';
  const errors = failing.errorRate > 0.01 ? `, ${Math.round(failing.errorRate * 100)}% errors` : '';
  return `${cpu.value.toFixed(2)} of ${cpu.limit} (${failing.throughputRps.toFixed(1)} rps${errors})`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const loads = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');

function row({ name, result: r, loadAtStart }: ReferenceRun): string {
  const cells = [name, loadAtStart.toFixed(1), r.capacity ?? '—', firstFailingCell(r)];
  cells.push(`${r.levels.length}: ${levelTrail(r.levels)}`, targetLimiter(r), cpuAtFailing(r));
  cells.push(r.generatorBound ? 'yes' : 'no', seconds(r.wallTimeMs));
  return `| ${cells.join(' | ')} |`;
}

/** The spread of the searches' capacities and their mean wall time against the ramp's. */
export function summary(
  searches: readonly CapacityResult[],
  ramp: CapacityResult,
  resolution: number,
) {
  const found = searches.map((r) => r.capacity);
  const all = found.every((c): c is number => c !== null);
  const spread = all ? Math.max(...found) - Math.min(...found) : null;
  const meanWallMs = searches.reduce((a, r) => a + r.wallTimeMs, 0) / searches.length;
  return {
    spread,
    met: spread !== null && spread <= resolution,
    meanWallMs,
    ratio: ramp.wallTimeMs / meanWallMs,
  };
}

/** The Markdown block for docs/performance.md: setup, table, spread and wall times. */
export function renderReference(runs: readonly ReferenceRun[], setup: ReferenceSetup): string {
  const searches = runs.slice(0, -1).map((r) => r.result);
  const ramp = runs[runs.length - 1].result;
  const s = summary(searches, ramp, setup.resolution);
  const when = setup.measuredAt.slice(0, 16).replace('T', ' ');
  const { range, sla } = setup;
  const spreadText =
    s.spread === null
      ? `not defined (a search found no capacity): target not met`
      : `${s.spread} users (target ≤ ${setup.resolution}, the refinement's resolution): ` +
        (s.met ? 'met' : '**not met**');
  const head =
    `Measured ${when} UTC (${availableParallelism()} cores; \`uptime\` load averages ` +
    `${loads(setup.loadBefore)} before, ${loads(setup.loadAfter)} after); users ` +
    `${range.from}..${range.to} step ${range.step}, resolution ${setup.resolution} users, levels ` +
    `of ${setup.levelDuration}, SLA p95 < ${sla.p95} ms and errors < ${sla.errorRate * 100}% at ` +
    `95% confidence, the seed's mix, both /metrics sources:`;
  const tail =
    `Spread of the ${searches.length} searches: ${spreadText}. Mean wall time of a search ` +
    `${seconds(s.meanWallMs)} against ${seconds(ramp.wallTimeMs)} for the ramp ` +
    `(${s.ratio.toFixed(2)}×). ${noiseText(runs)}`;
  return [
    wrap(head),
    '',
    '```',
    `npx tsx bench/capacity-reference.ts --level-duration ${setup.levelDuration}`,
    '```',
    '',
    '| run | load at start | capacity | first failing | levels run | limited by | service CPU | ' +
      'generator-bound | wall time |',
    `|${' --- |'.repeat(9)}`,
    ...runs.map(row),
    '',
    wrap(tail),
  ].join('\n');
}

/** Prose in lines of at most `width` characters (the docs' width), broken at spaces. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** The evidence of a noisy machine: how many runs the generator lagged in, the service's CPU. */
function noiseText(runs: readonly ReferenceRun[]): string {
  const lagged = runs.filter((r) => r.result.generatorBound).length;
  const e = cpuEvidence(runs.map((r) => r.result));
  const head = `Generator-bound in ${lagged} of ${runs.length} runs.`;
  if (e.levels < 3) return `${head} Too few levels with the service's CPU to compare.`;
  const means = e.meanCpu.map((c) => c.toFixed(2)).join(', ');
  return [
    head,
    `The service's CPU over the ${e.levels} levels without refusals: ` +
      `${e.minCpu.toFixed(2)}–${e.maxCpu.toFixed(2)} cores; its throughput followed it ` +
      `(r = ${e.rpsByCpu.toFixed(2)}).`,
    `Mean CPU per run ${means}; capacity against it r = ${e.capacityByCpu.toFixed(2)}.`,
  ].join(' ');
}
