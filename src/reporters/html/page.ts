import type { PerfResultsFile } from '../../contracts/perf-results.js';
import { chartAssets } from './assets.js';
import type { ChartSpec } from './chart-spec.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, jsonForScript, scriptForInline } from './escape.js';
import { MAX_POINTS, checkMaxPoints } from './thin.js';
import { prepareTests } from './prepare.js';
import { renderHeader, renderIndex } from './render-header.js';
import { renderTest } from './render-test.js';
import { PAGE_CSS } from './style.js';

/** Options of buildHtmlReport(). */
export interface HtmlReportOptions {
  /** Page title (default 'vitest-stress report'). */
  title?: string;
  /** Most points per chart series; longer runs are thinned into buckets (default 600). */
  maxPoints?: number;
}

/**
 * perf-report.html from the JSON report object (the one perf-results.json holds): one
 * self-contained page, no network — uPlot's script and CSS, the chart data and the page
 * script are inlined. Every user string is HTML-escaped; the data is JSON with `<` escaped.
 */
export function buildHtmlReport(report: PerfResultsFile, options: HtmlReportOptions = {}): string {
  const maxPoints = options.maxPoints ?? MAX_POINTS;
  checkMaxPoints(maxPoints);
  const tests = prepareTests(report, maxPoints);
  const charts = tests.flatMap((t) => [
    ...t.capacity.flatMap((c) => c.charts),
    ...t.runs.flatMap((r) => r.charts),
  ]);
  const assets = chartAssets();
  const title = options.title ?? 'vitest-stress report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src \
'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="vitest-stress (uPlot ${assets.version})">
<title>${escapeHtml(title)}</title>
<style>${assets.css}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
${renderHeader(report, tests)}
${renderIndex(tests)}
<main>
${tests.map(renderTest).join('\n')}
</main>
<script type="application/json" id="chart-data">${jsonForScript(packCharts(charts))}</script>
<script>${scriptForInline(assets.script)}</script>
<script>${scriptForInline(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}

/**
 * The page's chart data: the charts of a run share one x array, so it is written once (`xs`)
 * and each chart names it by index (`xi`) — a third less data for long runs.
 */
export function packCharts(charts: readonly ChartSpec[]): {
  xs: number[][];
  charts: Array<Omit<ChartSpec, 'x'> & { xi: number }>;
} {
  const xs: number[][] = [];
  const index = new Map<number[], number>();
  return {
    xs,
    charts: charts.map(({ x, ...rest }) => {
      let xi = index.get(x);
      if (xi === undefined) {
        xi = xs.push(x) - 1;
        index.set(x, xi);
      }
      return { ...rest, xi };
    }),
  };
}
