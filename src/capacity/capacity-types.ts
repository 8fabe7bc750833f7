import type { VerdictState } from '../contracts/meta.js';
import type { SlaLineVerdict } from './judge-level.js';
import type { ResourceReading } from './resource-readings.js';
import type { UslFit } from './usl-fit.js';

/** One level as run and judged (the last, longest run when it was extended). */
export interface LevelSummary {
  /** Users (closed model) or requests per second (open model). */
  level: number;
  state: VerdictState;
  /** Times the level was run (1 + extensions). */
  runs: number;
  durationMs: number;
  throughputRps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  errorRate: number;
  lines: SlaLineVerdict[];
  /** Where the level came from: the step ramp or the bisection. */
  phase: 'step' | 'refine';
  /** Generator trouble during the level: event-loop lag or late / unsent open-model sends. */
  generatorWarnings: string[];
  /** The target's resources during the level, from /metrics; absent when none were sampled. */
  resources?: ResourceReading[];
  /** Why no resources were read (metrics off, scrape failures). */
  metricsError?: string;
  /** How the target drained before this level (absent for the first level or `settle: 0`). */
  settle?: SettleReport;
}

/** The wait for the target to finish the last level's requests before the next level. */
export interface SettleReport {
  /** True when the target's in-flight, busy and queue gauges all read 0. */
  drained: boolean;
  /** Their sum at the first and the last reading; null when they could not be read. */
  heldAtStart: number | null;
  heldAtEnd: number | null;
  /** Time spent draining plus the quiet time, ms. */
  waitedMs: number;
  /** Why it did not drain (timeout, no metrics, scrape error). */
  reason?: string;
}

/** What findCapacity() found. */
export interface CapacityResult {
  kind: 'vitest-stress/capacity';
  model: 'closed' | 'open';
  unit: 'users' | 'rps';
  /**
   * 'found': a pass and a conclusive fail above it; 'limit-not-reached': the top level passed;
   * 'none': even the first level did not pass; 'stopped': wall time or abort ended the search.
   */
  outcome: 'found' | 'limit-not-reached' | 'none' | 'stopped';
  /** The highest level that passed conclusively; null when none did. */
  capacity: number | null;
  /** The lowest level above the capacity that did not pass (failed or stayed inconclusive). */
  firstFailing: number | null;
  /** The SLA lines the first failing level broke (or could not settle). */
  brokenLines: SlaLineVerdict[];
  /** True when the generator lagged or sent late at a level that decided the answer: a lower bound. */
  generatorBound: boolean;
  confidence: number;
  resolution: number;
  /** Lowest level reaching 90% of the peak throughput seen (see kneeLevel). */
  knee: number | null;
  /** USL fit to the levels' throughput (closed model), or why there is none. */
  usl: UslFit | string;
  /** What saturated at the first failing level, or why that could not be said. */
  attribution: Attribution;
  levels: LevelSummary[];
  wallTimeMs: number;
  warnings: string[];
}

/** What limited the capacity, from the levels' resource readings. */
export interface Attribution {
  /** False when no level had metrics samples; `reason` says why. */
  possible: boolean;
  reason?: string;
  /** Resources at or near their limit at the first failing level, and since which level. */
  limitedBy: Array<{ resource: string; sinceLevel: number; text: string }>;
  /** True when the generator lagged or sent late: the capacity is a lower bound set by it. */
  generatorBound: boolean;
  /** One line for reports. */
  text: string;
}
