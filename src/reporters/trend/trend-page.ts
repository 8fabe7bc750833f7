import { describeVerdict } from '../../history/describe-verdict.js';
import type { SeriesVerdict } from '../../history/judge-series.js';
import { escapeHtml } from '../html/escape.js';
import { renderTrendSvg } from './trend-svg.js';

/** What the trend page shows besides the verdicts. */
export interface TrendPageInput {
  /** Where the runs came from (the --store path). */
  store: string;
  /** Runs in the store (all groups). */
  runs: number;
  verdicts: readonly SeriesVerdict[];
  title?: string;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:800px;padding:16px;color:#111}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}figure{margin:18px 0}
figcaption{font-weight:600;margin-bottom:4px}pre{white-space:pre-wrap;font-size:12px;background:#f6f6f6;padding:6px}
.state{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;margin-left:6px;background:#ddd}
.state.regression{background:#D55E00;color:#fff}.state.pending{background:#E69F00}
.state.ok{background:#009E73;color:#fff}
.legend span{margin-right:14px}`;

const LEGEND = [
  '● a run (the newest larger, in orange)',
  '┆ a change point (red: a regression)',
  '— the level between change points, over its 95% interval',
]
  .map((text) => `<span>${text}</span>`)
  .join('');

function renderSeries(v: SeriesVerdict, n: number): string {
  const { test, run, metric } = v.series;
  return `<figure class="series-trend" id="series-${n}" data-metric="${escapeHtml(metric)}" data-state="${v.state}">
<figcaption>${escapeHtml(`${test} / ${run}`)} <span class="state ${v.state}">${v.state}</span></figcaption>
${renderTrendSvg(v)}
<pre class="verdict">${escapeHtml(describeVerdict(v))}</pre>
</figure>`;
}

/**
 * The trend page of a history: per metric, each series as an inline SVG (runs, change points,
 * the level between them, the newest run highlighted) and `history check`'s text under it.
 * Self-contained: no script, no external asset (a CSP of default-src 'none' holds it to that).
 */
export function buildTrendPage(input: TrendPageInput): string {
  const title = input.title ?? 'vitest-stress performance history';
  const metrics = [...new Set(input.verdicts.map((v) => v.series.metric))];
  let n = 0;
  const sections = metrics.map((m) => {
    const figures = input.verdicts
      .filter((v) => v.series.metric === m)
      .map((v) => renderSeries(v, ++n));
    return `<section data-metric="${escapeHtml(m)}"><h2>${escapeHtml(m)}</h2>\n${figures.join('\n')}\n</section>`;
  });
  const failing = input.verdicts.filter((v) => v.state === 'regression').length;
  const summary =
    `${input.runs} runs in ${escapeHtml(input.store)}; ` +
    `${n} series, ${failing} with a lasting regression.`;
  return `<!doctype html>
<html lang="en" data-charts-drawn="${n}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${summary}</p>
<p class="legend">${LEGEND}</p>
${sections.join('\n') || '<p>No series to show.</p>'}
</main>
</body>
</html>
`;
}
