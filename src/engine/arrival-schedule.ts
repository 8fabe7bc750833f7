import type { StagePlan } from './stage-plan.js';

/**
 * Intended send times of an open-model run: the k-th arrival (k = 0, 1, ...) is due when
 * the planned number of arrivals, the integral of the rate over time, reaches k + 0.5.
 * At a constant 1000 req/s that is 0.5 ms, 1.5 ms, ...: evenly spaced, exactly 1000 in each
 * second, never a per-second burst. Ramps are solved exactly (the integral of a linear rate
 * is quadratic), so a ramping arrival rate is as smooth as a constant one.
 */
export class ArrivalSchedule {
  private segment = 0;
  /** Planned arrivals before the current segment starts. */
  private countBefore = 0;
  private k = 0;

  constructor(private readonly plan: StagePlan) {}

  /** Planned arrivals in the whole plan (Infinity for an unbounded plan). */
  get plannedTotal(): number {
    let total = 0;
    for (const s of this.plan.segments)
      total += segmentCount(s.fromLevel, s.toLevel, s.endMs - s.startMs);
    return Math.floor(total + 0.5);
  }

  /** The next intended send time, in ms since the run started; Infinity when the plan is over. */
  next(): number {
    const target = this.k + 0.5;
    const segments = this.plan.segments;
    while (this.segment < segments.length) {
      const s = segments[this.segment];
      const spanMs = s.endMs - s.startMs;
      const inSegment = segmentCount(s.fromLevel, s.toLevel, spanMs);
      const need = target - this.countBefore;
      if (need <= inSegment) {
        this.k++;
        return s.startMs + offsetMs(s.fromLevel, s.toLevel, spanMs, need);
      }
      this.countBefore += inSegment;
      this.segment++;
    }
    return Infinity;
  }
}

/** Arrivals in a segment whose rate moves linearly from r0 to r1 req/s over spanMs. */
function segmentCount(r0: number, r1: number, spanMs: number): number {
  if (!Number.isFinite(spanMs)) return r0 > 0 || r1 > 0 ? Infinity : 0;
  return ((r0 + r1) / 2) * (spanMs / 1000);
}

/** The ms into the segment at which `need` arrivals have accumulated. */
function offsetMs(r0: number, r1: number, spanMs: number, need: number): number {
  const b = r0 / 1000;
  if (r0 === r1 || !Number.isFinite(spanMs)) return need / b;
  const a = (r1 - r0) / (2 * spanMs * 1000);
  // Root of a t^2 + b t - need = 0 in the form that stays exact when a is tiny or negative.
  return (2 * need) / (b + Math.sqrt(b * b + 4 * a * need));
}
