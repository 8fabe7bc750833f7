import { createRandom } from '../random/random.js';
import type { SparseHistogram } from './histogram-ranks.js';

/** Options of a seeded bootstrap. */
export interface BootstrapOptions {
  /** Each bound one-sided at this confidence. */
  confidence: number;
  /** Resamples; default 2000. */
  resamples?: number;
  /** PRNG seed: the same inputs and seed give the same interval. Default 1. */
  seed?: number;
}

/** A bootstrap interval of a ratio current / baseline. */
export interface BootstrapInterval {
  /** The ratio of the statistic on the full samples. */
  estimate: number;
  low: number;
  high: number;
  confidence: number;
  /** Blocks resampled on each side (seconds, or groups of seconds for long runs). */
  blocks: [number, number];
}

/**
 * More blocks than this are grouped into consecutive runs of seconds (cost, and longer blocks keep
 * more correlation).
 */
export const MAX_BLOCKS = 120;

function percentileOf(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;
}

function interval(
  ratios: number[],
  estimate: number,
  confidence: number,
  blocks: [number, number],
): BootstrapInterval {
  ratios.sort((a, b) => a - b);
  return {
    estimate,
    low: percentileOf(ratios, 1 - confidence),
    high: percentileOf(ratios, confidence),
    confidence,
    blocks,
  };
}

/** Blocks over one shared value index, so a resample is a sum of count vectors. */
class IndexedBlocks {
  readonly blocks: Array<{ index: Int32Array; counts: Float64Array }>;
  constructor(histograms: SparseHistogram[], position: Map<number, number>) {
    this.blocks = histograms.map((h) => ({
      index: Int32Array.from(h.valuesUs, (v) => position.get(v)!),
      counts: Float64Array.from(h.counts),
    }));
  }

  /** The q-quantile (value index) of the union of `picks` blocks, using `scratch` (zeroed here). */
  quantile(picks: number[], q: number, scratch: Float64Array): number {
    scratch.fill(0);
    let total = 0;
    for (const p of picks) {
      const b = this.blocks[p]!;
      for (let i = 0; i < b.index.length; i++) scratch[b.index[i]!]! += b.counts[i]!;
      for (let i = 0; i < b.counts.length; i++) total += b.counts[i]!;
    }
    const rank = Math.max(1, Math.ceil(q * total));
    let cumulative = 0;
    for (let i = 0; i < scratch.length; i++) {
      cumulative += scratch[i]!;
      if (cumulative >= rank) return i;
    }
    return scratch.length - 1;
  }
}

/** Merge consecutive histograms so that there are at most MAX_BLOCKS. */
function group(histograms: SparseHistogram[]): SparseHistogram[] {
  if (histograms.length <= MAX_BLOCKS) return histograms;
  const size = Math.ceil(histograms.length / MAX_BLOCKS);
  const out: SparseHistogram[] = [];
  for (let i = 0; i < histograms.length; i += size) {
    const merged = new Map<number, number>();
    for (const h of histograms.slice(i, i + size))
      h.valuesUs.forEach((v, j) => merged.set(v, (merged.get(v) ?? 0) + h.counts[j]!));
    const valuesUs = [...merged.keys()].sort((a, b) => a - b);
    out.push({
      valuesUs,
      counts: valuesUs.map((v) => merged.get(v)!),
      total: valuesUs.reduce((s, v) => s + merged.get(v)!, 0),
    });
  }
  return out;
}

function resample(n: number, random: () => number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * n));
}

/**
 * Block bootstrap of the ratio q-quantile(current) / q-quantile(baseline): each resample draws
 * whole seconds (blocks) with replacement on each side, so bursts inside a second stay together
 * and the interval is not narrowed by correlated neighbours. Needs at least one block per side.
 */
export function bootstrapQuantileRatio(
  baseline: SparseHistogram[],
  current: SparseHistogram[],
  q: number,
  options: BootstrapOptions,
): BootstrapInterval {
  const a = group(baseline.filter((h) => h.total > 0));
  const b = group(current.filter((h) => h.total > 0));
  if (a.length === 0 || b.length === 0)
    throw new RangeError('bootstrapQuantileRatio: both sides need at least one non-empty block');
  const values = [...new Set([...a, ...b].flatMap((h) => h.valuesUs))].sort((x, y) => x - y);
  const position = new Map(values.map((v, i) => [v, i]));
  const [blocksA, blocksB] = [new IndexedBlocks(a, position), new IndexedBlocks(b, position)];
  const scratch = new Float64Array(values.length);
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const estimate =
    values[blocksB.quantile(all(b.length), q, scratch)]! /
    values[blocksA.quantile(all(a.length), q, scratch)]!;
  const random = createRandom(options.seed ?? 1);
  const ratios: number[] = [];
  for (let r = 0; r < (options.resamples ?? 2000); r++) {
    const qa = values[blocksA.quantile(resample(a.length, random), q, scratch)]!;
    const qb = values[blocksB.quantile(resample(b.length, random), q, scratch)]!;
    ratios.push(qb / qa);
  }
  return interval(ratios, estimate, options.confidence, [a.length, b.length]);
}

/** Bootstrap of the ratio mean(current) / mean(baseline) of two per-second series (seconds resampled). */
export function bootstrapMeanRatio(
  baseline: number[],
  current: number[],
  options: BootstrapOptions,
): BootstrapInterval {
  if (baseline.length === 0 || current.length === 0)
    throw new RangeError('bootstrapMeanRatio: both series need at least one second');
  const mean = (xs: number[], picks: number[]) =>
    picks.reduce((s, i) => s + xs[i]!, 0) / picks.length;
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const estimate = mean(current, all(current.length)) / mean(baseline, all(baseline.length));
  const random = createRandom(options.seed ?? 1);
  const ratios: number[] = [];
  for (let r = 0; r < (options.resamples ?? 2000); r++) {
    ratios.push(
      mean(current, resample(current.length, random)) /
        mean(baseline, resample(baseline.length, random)),
    );
  }
  return interval(ratios, estimate, options.confidence, [baseline.length, current.length]);
}
