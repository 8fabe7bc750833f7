import type { LatencySummary, RequestCounts, RunResult } from '../contracts/run-result.js';
import { machineFingerprint, type MachineFingerprint } from './fingerprint.js';

/** One second of a baseline: what the per-second comparisons resample. */
export interface BaselineSecond {
  t: number;
  /** Finished requests in the second. */
  requests: number;
  errors: number;
  /** Encoded latency histogram (µs) of the second's successes; '' when none. */
  histogram: string;
}

/** What a baseline keeps of one run: enough for the statistical comparison, no ledger. */
export interface BaselineEntry {
  /** The test's full name ('describe > test'). */
  test: string;
  /** The run's `name` option, or 'default'. */
  run: string;
  recordedAt: string;
  /** STRESS_PROFILE the baseline ran at. */
  profile: string;
  fingerprint: MachineFingerprint;
  model: RunResult['model'];
  durationMs: number;
  requests: RequestCounts;
  errorRate: number;
  throughput: number;
  latency: LatencySummary;
  /** Encoded latency histogram (µs) of the whole run. */
  histogram: string;
  seconds: BaselineSecond[];
}

/** The run name a baseline is keyed by: the load() `name` option, else 'default'. */
export function runNameOf(result: RunResult): string {
  return typeof result.options?.name === 'string' && result.options.name !== ''
    ? result.options.name
    : 'default';
}

/** A baseline entry from a run result. */
export function toBaselineEntry(test: string, result: RunResult): BaselineEntry {
  const histograms = result.secondHistograms ?? [];
  return {
    test,
    run: runNameOf(result),
    recordedAt: new Date().toISOString(),
    profile: result.profile,
    fingerprint: machineFingerprint(),
    model: result.model,
    durationMs: result.durationMs,
    requests: { ...result.requests },
    errorRate: result.errorRate,
    throughput: result.throughput,
    latency: { ...result.latency },
    histogram: result.histogram,
    seconds: result.timeline.map((e, i) => ({
      t: e.t,
      requests: e.requests,
      errors: e.errors,
      histogram: histograms[i] ?? '',
    })),
  };
}
