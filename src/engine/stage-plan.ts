import type { ResolvedLoadOptions, ResolvedStage } from '../options/load-options.js';

/** One straight piece of a plan: the level moves linearly from `fromLevel` to `toLevel`. */
export interface PlanSegment {
  startMs: number;
  endMs: number;
  /** Users or requests per second at `startMs`. */
  fromLevel: number;
  /** Users or requests per second at `endMs`. */
  toLevel: number;
}

/** A stage placed on the run's clock. */
export interface PlacedStage {
  /** Phase name, or undefined for a plain (unstaged) run. */
  name: string | undefined;
  startMs: number;
  endMs: number;
}

/**
 * A load plan as a function of time since the run started: the level (users, or requests
 * per second) at each instant and the stage in force. A stage with `rampMs` moves linearly
 * from the previous stage's level (0 before the first stage) over its first `rampMs`, then
 * holds; without a ramp it steps.
 */
export class StagePlan {
  readonly segments: PlanSegment[] = [];
  readonly stages: PlacedStage[] = [];
  /** Planned length in ms; Infinity for a run bounded only by a request count. */
  readonly totalMs: number;

  constructor(
    stages: ReadonlyArray<{
      name: string | undefined;
      durationMs: number;
      rampMs: number;
      level: number;
    }>,
  ) {
    let at = 0;
    let previous = 0;
    for (const s of stages) {
      this.stages.push({ name: s.name, startMs: at, endMs: at + s.durationMs });
      if (s.rampMs > 0)
        this.segments.push({
          startMs: at,
          endMs: at + s.rampMs,
          fromLevel: previous,
          toLevel: s.level,
        });
      if (s.durationMs > s.rampMs)
        this.segments.push({
          startMs: at + s.rampMs,
          endMs: at + s.durationMs,
          fromLevel: s.level,
          toLevel: s.level,
        });
      at += s.durationMs;
      previous = s.level;
    }
    this.totalMs = at;
  }

  /** The level at `tMs` after the start (linear inside a ramp); 0 after the end. */
  levelAt(tMs: number): number {
    for (const seg of this.segments) {
      if (tMs < seg.endMs) {
        if (tMs < seg.startMs) return seg.fromLevel;
        const span = seg.endMs - seg.startMs;
        return seg.fromLevel + ((seg.toLevel - seg.fromLevel) * (tMs - seg.startMs)) / span;
      }
    }
    return 0;
  }

  /** Index of the stage in force at `tMs` (the last one after the end). */
  stageIndexAt(tMs: number): number {
    for (let i = 0; i < this.stages.length; i++) if (tMs < this.stages[i].endMs) return i;
    return this.stages.length - 1;
  }

  /** Highest level anywhere in the plan. */
  get maxLevel(): number {
    return this.segments.reduce((m, s) => Math.max(m, s.fromLevel, s.toLevel), 0);
  }
}

/** The plan of a closed-model run: active users over time. */
export function usersPlan(options: ResolvedLoadOptions): StagePlan {
  if (options.stages.length > 0)
    return new StagePlan(options.stages.map((s) => fromStage(s, s.users ?? 0)));
  const users = options.users ?? 1;
  const durationMs = options.durationMs ?? Infinity;
  return new StagePlan([{ name: undefined, durationMs, rampMs: 0, level: users }]);
}

/** The plan of an open-model run: target requests per second over time. */
export function ratePlan(options: ResolvedLoadOptions): StagePlan {
  if (options.stages.length > 0)
    return new StagePlan(options.stages.map((s) => fromStage(s, s.rate ?? 0)));
  const rate = options.rate ?? 1;
  // `requests` at a rate: the plan lasts as long as those requests take at that rate.
  const durationMs = options.durationMs ?? ((options.requests ?? 0) * 1000) / rate;
  return new StagePlan([{ name: undefined, durationMs, rampMs: 0, level: rate }]);
}

function fromStage(stage: ResolvedStage, level: number) {
  return { name: stage.name, durationMs: stage.durationMs, rampMs: stage.rampMs, level };
}
