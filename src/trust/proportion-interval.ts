import { normalQuantile } from './normal.js';

/** An interval [low, high] of a proportion or a difference of proportions; each bound one-sided at `confidence`. */
export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
  confidence: number;
  method: 'wilson' | 'newcombe';
}

/**
 * Wilson score interval of a proportion `events / n` (n > 0), each bound one-sided at
 * `confidence` (z = Φ⁻¹(confidence)). Unlike the plain normal interval it stays inside [0, 1]
 * and is not empty at 0 events: 0 of 300 gives an upper bound of ≈ 0.9% at 95%.
 */
export function wilsonInterval(events: number, n: number, confidence: number): ProportionInterval {
  if (!(n > 0)) throw new RangeError(`wilsonInterval: n must be > 0, got ${n}`);
  const z = normalQuantile(confidence);
  const p = events / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 (or n) events the bound is exactly 0 (or 1); the subtraction would leave 1e-17.
  const low = events === 0 ? 0 : Math.max(0, centre - half);
  const high = events === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, low, high, confidence, method: 'wilson' };
}

/**
 * Newcombe's hybrid score interval (method 10) of the difference p2 − p1 of two independent
 * proportions (events1/n1 before, events2/n2 now), from the two Wilson intervals.
 */
export function newcombeDifference(
  events1: number,
  n1: number,
  events2: number,
  n2: number,
  confidence: number,
): ProportionInterval {
  const a = wilsonInterval(events1, n1, confidence);
  const b = wilsonInterval(events2, n2, confidence);
  const d = b.estimate - a.estimate;
  const low = d - Math.sqrt((b.estimate - b.low) ** 2 + (a.high - a.estimate) ** 2);
  const high = d + Math.sqrt((b.high - b.estimate) ** 2 + (a.estimate - a.low) ** 2);
  return { estimate: d, low, high, confidence, method: 'newcombe' };
}
