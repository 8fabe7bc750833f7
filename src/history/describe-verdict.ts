import type { Creep } from './creep.js';
import type { LocatedChangePoint, SeriesVerdict } from './judge-series.js';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number | null) => (x === null ? 'n/a' : Number(x.toPrecision(4)).toString());
const commitOf = (c: LocatedChangePoint) =>
  c.point.commit ? c.point.commit.slice(0, 12) : `run ${c.point.runId}`;

/** One line per change point: where, the levels with their 95% intervals, size and p-value. */
export function describeChangePoint(c: LocatedChangePoint): string {
  const level = (l: LocatedChangePoint['before']) =>
    `${num(l.mean)} [${num(l.low)}, ${num(l.high)}] (n=${l.count})`;
  return (
    `change point at run ${c.index + 1} (commit ${commitOf(c)}, ${c.point.date}): ` +
    `${level(c.before)} → ${level(c.after)}, ` +
    `${pct(c.relativeChange)}, p=${c.pValue.toExponential(2)}${c.regression ? ' REGRESSION' : ''}`
  );
}

function describeCreep(c: Creep, v: SeriesVerdict): string {
  const from = v.series.points[c.fromIndex];
  return (
    `creep since run ${c.fromIndex + 1} (commit ${from.commit?.slice(0, 12) ?? from.runId}): ` +
    `mean of ${c.before.count} runs ${num(c.before.mean)} → ` +
    `newest ${c.after.count} ${num(c.after.mean)}, ${pct(c.relativeChange)}, ` +
    `p=${c.pValue.toExponential(2)}; no single change point that large`
  );
}

/** The verdict of one series as text: a header line, then its change points and creep. */
export function describeVerdict(v: SeriesVerdict): string {
  const s = v.series;
  const head = `${v.state.toUpperCase()} ${s.test} / ${s.run} ${s.metric} (${s.points.length} runs; ${s.group})`;
  const lines = v.changePoints.map((c) => `  ${describeChangePoint(c)}`);
  if (v.creep) lines.push(`  ${describeCreep(v.creep, v)}`);
  if (v.state === 'pending' && v.culprit)
    lines.push(
      `  not failing yet: lasted ${s.points.length - v.culprit.index} run(s), fewer than the quiet period`,
    );
  return [head, ...lines].join('\n');
}
