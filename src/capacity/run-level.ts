import { runLoad } from '../load.js';
import type { RunResult } from '../contracts/run-result.js';
import { currentTest } from '../vitest/current-test.js';
import type { ResolvedCapacityOptions } from './capacity-options.js';
import type { LevelSummary, SettleReport } from './capacity-types.js';
import { judgeLevel, levelState } from './judge-level.js';
import { availableParallelism } from 'node:os';
import { sampleMetrics, type MetricsSampler } from '../metrics/sampler.js';
import { readResources, refusalReading, type ResourceReading } from './resource-readings.js';

interface JobSampler {
  job?: string;
  sampler: MetricsSampler;
}

/** The level's resource readings from every source that answered, or why there are none. */
async function readingsOf(samplers: JobSampler[] | undefined): Promise<Partial<LevelSummary>> {
  if (!samplers) return { metricsError: 'metrics sampling was turned off (metrics: false)' };
  const resources: ResourceReading[] = [];
  const gaps: string[] = [];
  for (const { job, sampler } of samplers) {
    const series = await sampler.stop();
    if (series.samples.length === 0) {
      const gap = series.errors[0]?.error ?? 'no scrape finished';
      gaps.push(`no /metrics samples from ${series.source}: ${gap}`);
    } else resources.push(...readResources(series, availableParallelism(), job));
  }
  if (gaps.length === samplers.length) return { metricsError: gaps.join('; ') };
  return { resources };
}

function startSamplers(options: ResolvedCapacityOptions, signal: AbortSignal) {
  return options.metrics?.map(({ job, ...source }) => ({
    job,
    sampler: sampleMetrics({ ...source, signal, allowRemote: options.load.allowRemote === true }),
  }));
}

/** Drains the target before run `run` (1 = the level's first) of a level; undefined: no settle. */
export type SettleBeforeRun = (run: number) => Promise<SettleReport | undefined>;

/**
 * Run one level, judge it, and extend it (run again, twice as long) while it stays
 * inconclusive, up to `maxExtensions`. An inconclusive level is never counted as a pass.
 * `settle` runs before every run, extensions included: an extension must not start on what the
 * run before it left at the target. The summary's `settle` is the one before the judged run.
 */
export async function runLevel(
  options: ResolvedCapacityOptions,
  level: number,
  phase: LevelSummary['phase'],
  signal: AbortSignal,
  settle: SettleBeforeRun = async () => undefined,
): Promise<LevelSummary> {
  let durationMs = options.levelDurationMs;
  let summary: LevelSummary | undefined;
  for (let run = 1; run <= options.maxExtensions + 1; run++) {
    const settled = await settle(run);
    if (signal.aborted) break;
    const samplers = startSamplers(options, signal);
    const result = await runLoad(
      {
        ...options.load,
        ...(options.model === 'closed' ? { users: level } : { rate: level }),
        duration: durationMs,
        signal,
        progress: false,
        ledger: false,
      },
      currentTest(),
    ).finally(() => samplers?.forEach((s) => s.sampler.stop()));
    summary = summarise(result, options, level, phase, run);
    if (settled) summary.settle = settled;
    Object.assign(summary, await readingsOf(samplers));
    // Refusals are seen by the client, with or without the target's metrics.
    const refused = refusalReading(result);
    if (refused) summary.resources = [...(summary.resources ?? []), refused];
    if (summary.state !== 'inconclusive' || signal.aborted) break;
    durationMs *= 2;
  }
  return summary!;
}

function summarise(
  run: RunResult,
  options: ResolvedCapacityOptions,
  level: number,
  phase: LevelSummary['phase'],
  runs: number,
): LevelSummary {
  const lines = judgeLevel(run, options.sla, options.confidence);
  return {
    level,
    state: levelState(lines),
    runs,
    durationMs: Math.round(run.durationMs),
    throughputRps: run.throughput,
    p50Ms: run.latency.p50,
    p95Ms: run.latency.p95,
    p99Ms: run.latency.p99,
    errorRate: run.errorRate,
    statusCodes: { ...run.statusCodes },
    lines,
    phase,
    generatorWarnings: generatorWarnings(run),
  };
}

/** The run's signs that the generator, not the target, set the pace. */
export function generatorWarnings(run: RunResult): string[] {
  const out = run.warnings.filter((w) => w.startsWith("load generator's event loop lagged"));
  const s = run.schedule;
  if (s && s.plannedSends > 0) {
    const late = (s.lateSends + s.unsentSends) / s.plannedSends;
    if (late > 0.05) {
      out.push(
        `open model sent late or not at all: ${s.lateSends} late and ${s.unsentSends} unsent ` +
          `of ${s.plannedSends} planned`,
      );
    }
  }
  return out;
}
