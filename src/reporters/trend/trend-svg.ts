import type { SeriesVerdict } from '../../history/judge-series.js';
import { escapeHtml } from '../html/escape.js';
import { OKABE_ITO } from '../html/palette.js';

/** Size of one trend chart in SVG user units (px at 100% zoom). */
export const TREND_WIDTH = 760;
export const TREND_HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 14, bottom: 30 };

const fixed = (x: number) => Number(x.toFixed(1));
const figure = (x: number) => String(Number(x.toPrecision(4)));

/** `<tag a="1" ...>body</tag>` with every attribute value escaped; no body → self-closed. */
function el(tag: string, attrs: Record<string, string | number>, body?: string): string {
  const list = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  return body === undefined ? `<${tag}${list}/>` : `<${tag}${list}>${body}</${tag}>`;
}

interface Scale {
  x: (index: number) => number;
  y: (value: number) => number;
  low: number;
  high: number;
}

function scaleOf(verdict: SeriesVerdict): Scale {
  const values = verdict.series.points.map((p) => p.value);
  const bounds = verdict.changePoints.flatMap((c) => [
    c.before.low,
    c.before.high,
    c.after.low,
    c.after.high,
  ]);
  const all = [...values, ...bounds.filter((v): v is number => v !== null)];
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (high === low) [low, high] = [low - 1, high + 1];
  const margin = (high - low) * 0.08;
  [low, high] = [low - margin, high + margin];
  const plotWidth = TREND_WIDTH - PAD.left - PAD.right;
  const plotHeight = TREND_HEIGHT - PAD.top - PAD.bottom;
  const last = Math.max(1, values.length - 1);
  return {
    x: (i) => fixed(PAD.left + (i / last) * plotWidth),
    y: (v) => fixed(PAD.top + (1 - (v - low) / (high - low)) * plotHeight),
    low,
    high,
  };
}

/** Horizontal lines at each segment's mean, over its interval as a band, between change points. */
function levels(verdict: SeriesVerdict, s: Scale): string {
  const n = verdict.series.points.length;
  const segments = verdict.changePoints.flatMap((c, i) => [
    ...(i === 0 ? [{ from: 0, to: c.index, level: c.before }] : []),
    { from: c.index, to: verdict.changePoints[i + 1]?.index ?? n, level: c.after },
  ]);
  return segments
    .map(({ from, to, level }) => {
      const [x1, x2] = [s.x(Math.max(0, from - 0.5)), s.x(Math.min(n - 1, to - 0.5))];
      const band =
        level.low === null || level.high === null
          ? ''
          : el('rect', {
              class: 'level-band',
              x: x1,
              y: s.y(level.high),
              width: fixed(x2 - x1),
              height: fixed(s.y(level.low) - s.y(level.high)),
              fill: OKABE_ITO.skyBlue,
              'fill-opacity': 0.18,
            });
      const y = s.y(level.mean);
      const line = el('line', {
        class: 'level',
        'data-mean': figure(level.mean),
        x1,
        x2,
        y1: y,
        y2: y,
        stroke: OKABE_ITO.blue,
        'stroke-width': 2,
      });
      return band + line;
    })
    .join('');
}

function changeMarkers(verdict: SeriesVerdict, s: Scale): string {
  return verdict.changePoints
    .map((c) => {
      const x = s.x(c.index - 0.5);
      const where = c.point.commit ? `commit ${c.point.commit.slice(0, 12)}` : c.point.runId;
      const size = `${c.relativeChange >= 0 ? '+' : ''}${(c.relativeChange * 100).toFixed(1)}%`;
      const tip =
        `change at run ${c.index + 1} (${where}): ${figure(c.before.mean)} → ` +
        `${figure(c.after.mean)}, ${size}, p=${c.pValue.toExponential(2)}`;
      const attrs = {
        class: `change-point${c.regression ? ' regression' : ''}`,
        'data-index': c.index,
        x1: x,
        x2: x,
        y1: PAD.top,
        y2: TREND_HEIGHT - PAD.bottom,
        stroke: c.regression ? OKABE_ITO.vermillion : OKABE_ITO.bluishGreen,
        'stroke-width': 2,
        'stroke-dasharray': '6 3',
      };
      return el('line', attrs, `<title>${escapeHtml(tip)}</title>`);
    })
    .join('');
}

function points(verdict: SeriesVerdict, s: Scale): string {
  const list = verdict.series.points;
  const line = el('polyline', {
    class: 'series',
    points: list.map((p, i) => `${s.x(i)},${s.y(p.value)}`).join(' '),
    fill: 'none',
    stroke: OKABE_ITO.black,
    'stroke-opacity': 0.5,
  });
  const dots = list.map((p, i) => {
    const current = i === list.length - 1;
    const where = p.commit ? `commit ${p.commit.slice(0, 12)}` : p.runId;
    const tip = `run ${i + 1}${current ? ' (newest)' : ''}: ${figure(p.value)} (${where}, ${p.date})`;
    const attrs = {
      class: current ? 'point current' : 'point',
      'data-index': i,
      cx: s.x(i),
      cy: s.y(p.value),
      r: current ? 6 : 3,
      fill: current ? OKABE_ITO.orange : OKABE_ITO.black,
    };
    return el('circle', attrs, `<title>${escapeHtml(tip)}</title>`);
  });
  return line + dots.join('');
}

function axes(verdict: SeriesVerdict, s: Scale): string {
  const n = verdict.series.points.length;
  const bottom = TREND_HEIGHT - PAD.bottom;
  const label = (x: number, y: number, text: string, anchor = 'end') =>
    el('text', { x, y, 'text-anchor': anchor, 'font-size': 11 }, escapeHtml(text));
  const axis = (x1: number, x2: number, y1: number, y2: number) =>
    el('line', { x1, x2, y1, y2, stroke: '#888' });
  return (
    axis(PAD.left, PAD.left, PAD.top, bottom) +
    axis(PAD.left, TREND_WIDTH - PAD.right, bottom, bottom) +
    label(PAD.left - 4, s.y(s.high) + 10, figure(s.high)) +
    label(PAD.left - 4, s.y(s.low), figure(s.low)) +
    label(s.x(0), bottom + 16, 'run 1', 'start') +
    label(s.x(n - 1), bottom + 16, `run ${n}`)
  );
}

/**
 * One series as an inline SVG: every run's figure (the newest larger, in orange), the change
 * points as dashed vertical lines (vermillion for a regression), and each segment's mean as a
 * line over its interval band. Pure: the verdict in, SVG text out; every string escaped.
 */
export function renderTrendSvg(verdict: SeriesVerdict): string {
  const s = scaleOf(verdict);
  const { test, run, metric } = verdict.series;
  const attrs = {
    class: 'trend',
    role: 'img',
    viewBox: `0 0 ${TREND_WIDTH} ${TREND_HEIGHT}`,
    width: TREND_WIDTH,
    height: TREND_HEIGHT,
    xmlns: 'http://www.w3.org/2000/svg',
  };
  const title = `<title>${escapeHtml(`${metric} of ${test} / ${run}`)}</title>`;
  return el(
    'svg',
    attrs,
    title + axes(verdict, s) + levels(verdict, s) + points(verdict, s) + changeMarkers(verdict, s),
  );
}
