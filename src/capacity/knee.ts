import type { LevelSummary } from './capacity-types.js';

/**
 * The knee of the throughput/latency curve: the lowest level whose throughput reaches 90% of
 * the highest throughput seen (beyond it more load mostly adds waiting). Null without levels.
 */
export function kneeLevel(levels: LevelSummary[]): number | null {
  if (levels.length === 0) return null;
  const peakRps = Math.max(...levels.map((l) => l.throughputRps));
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  return sorted.find((l) => l.throughputRps >= 0.9 * peakRps)?.level ?? null;
}
