import { formatNumber } from '../format/message.js';
import type { AbResult, AbSideFigures } from '../contracts/ab-result.js';
import type { AbJudgement, AbMetricJudgement } from './judge-ab.js';

/** One line per metric: 'p95 ratio 1.25 [1.19, 1.31] vs +10% (1.100): regression — the whole interval …'. */
export function describeMetric(m: AbMetricJudgement): string {
  if (m.estimate === null) return `${m.metric}: nothing to judge — ${m.reason}`;
  const show =
    m.unit === 'ratio'
      ? (x: number) => x.toFixed(3)
      : (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}pp`;
  const what = m.unit === 'ratio' ? `${m.metric} ratio` : `${m.metric} difference`;
  return (
    `${what} ${show(m.estimate)} [${show(m.lower as number)}, ${show(m.upper as number)}] vs ` +
    `${m.tolerance}: ${m.call} — ${m.reason}`
  );
}

const ms = (x: number | null) => (x === null ? '–' : formatNumber(x));
const pct = (x: number) => `${formatNumber(x * 100)}%`;
const pair = (a: AbSideFigures, b: AbSideFigures, read: (f: AbSideFigures) => string) =>
  `${read(a)}/${read(b)}`;

/** The per-round figures, baseline/candidate, one line per round. */
export function describeRounds(ab: AbResult): string[] {
  return ab.rounds.map((r) => {
    const a = r.baseline;
    const b = r.candidate;
    return (
      `  round ${r.round} ${r.order}: p50 ${pair(a, b, (f) => ms(f.p50Ms))} ms, p95 ` +
      `${pair(a, b, (f) => ms(f.p95Ms))} ms, ` +
      `p99 ${pair(a, b, (f) => ms(f.p99Ms))} ms, errors ${pair(a, b, (f) => pct(f.errorRate))}, ` +
      `${pair(a, b, (f) => formatNumber(f.throughputRps))} rps, n ${pair(a, b, (f) => String(f.ok + f.failed))}`
    );
  });
}

/** The first line of a judgement: what was expected of which targets, and the verdict. */
export function describeHeadline(ab: AbResult, judgement: AbJudgement, negated: boolean): string {
  return (
    `expected ${negated ? 'a regression' : 'no regression'} of ${ab.candidate} against ` +
    `${ab.baseline}: ${judgement.state} ` +
    `(${judgement.rounds} paired rounds in ABBA order, bounds at ${judgement.confidence} confidence each)`
  );
}

/** The whole matcher message: headline, one line per metric, the rounds (baseline/candidate). */
export function describeJudgement(ab: AbResult, judgement: AbJudgement, negated: boolean): string {
  return [
    describeHeadline(ab, judgement, negated),
    ...judgement.metrics.map((m) => `  ${describeMetric(m)}`),
    ...describeAbRounds(ab),
  ].join('\n');
}

/** 'per round (baseline/candidate):' and one line per round; for messages and the terminal summary. */
export function describeAbRounds(ab: AbResult): string[] {
  return ['per round (baseline/candidate):', ...describeRounds(ab)];
}
