import { formatNumber, formatPercent } from '../format/message.js';
import type { MetricComparison } from './compare-baseline.js';

function figure(value: number | null, unit: MetricComparison['unit']): string {
  if (value === null) return 'n/a';
  return unit === 'fraction' ? formatPercent(value) : `${formatNumber(value)} ${unit}`;
}

function points(fraction: number): string {
  const pp = Math.round(fraction * 10000) / 100;
  return `${pp >= 0 ? '+' : ''}${pp}pp`;
}

/** The interval in words: 'ratio 1.31 (95% bounds 1.22 .. 1.40, block bootstrap (5 vs 5 blocks))'. */
function describeInterval(c: MetricComparison): string {
  const i = c.interval;
  if (!i) return 'no interval';
  const percent = formatPercent(i.confidence);
  if (c.tolerance.metric === 'errorRate')
    return `difference ${points(i.estimate)} (${percent} bounds ${points(i.low)} .. ${points(i.high)}, ${i.method})`;
  return `ratio ${i.estimate.toFixed(2)} (${percent} bounds ${i.low.toFixed(2)} .. ${i.high.toFixed(2)}, ${i.method})`;
}

const VERB = {
  regression: 'past the tolerance',
  improvement: 'better than the baseline (tolerance',
  unchanged: 'within the tolerance',
  inconclusive: 'against the tolerance',
} as const;

/**
 * One line per figure: 'p95: regression — baseline 48.2 ms, now 63.1 ms, ratio 1.31 (95% bounds …)
 * past tolerance +10%'.
 */
export function describeComparison(c: MetricComparison): string {
  const head =
    `${c.tolerance.metric}: ${c.outcome} — baseline ${figure(c.baseline, c.unit)}, now ` +
    `${figure(c.current, c.unit)}`;
  const tail = `${VERB[c.outcome]} ${c.tolerance.text}${c.outcome === 'improvement' ? ')' : ''}`;
  return `${head}, ${describeInterval(c)} ${tail}${c.reason ? ` (${c.reason})` : ''}`;
}
