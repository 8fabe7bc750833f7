import { OKABE_ITO } from './palette.js';

/** The page's stylesheet: screen layout, state badges (text plus colour), and a print stylesheet. */
export const PAGE_CSS = `
:root { --fail: ${OKABE_ITO.vermillion}; --pass: ${OKABE_ITO.bluishGreen}; --unsure: \
${OKABE_ITO.orange}; --muted: #555; --rule: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; background: \
#fff; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1400px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
h5 { margin: .5rem 0 .25rem; font-size: .9rem; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; padding: .5rem .75rem; \
border-left: 3px solid var(--rule); }
pre.failure { border-left-color: var(--fail); }
.meta, .note, .totals { color: var(--muted); margin: .25rem 0; }
.note { font-size: 12px; }
dl.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .5rem 0; }
dl.facts div { display: flex; gap: .4rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 1rem .75rem 0; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; vertical-align: top; }
table.numeric td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
td .interval { color: var(--muted); font-size: 12px; white-space: nowrap; }
table.journeys-table td:nth-child(n + 5):nth-child(-n + 7), table.steps-table td:last-child { text-align: left; }
table.verdicts td .message { display: inline-block; max-width: 60ch; }
.tables { display: flex; flex-wrap: wrap; align-items: flex-start; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: 12px; \
font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.badge.failed, .badge.fail { background: var(--fail); }
.badge.passed, .badge.pass { background: var(--pass); }
.badge.inconclusive { background: var(--unsure); color: #000; }
.badge.skipped { background: #999; }
nav.index table { width: 100%; }
section.test { border-top: 2px solid var(--rule); margin-top: 1.5rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: .5rem 1.25rem; }
figure.chart-box { margin: .5rem 0; min-width: 0; break-inside: avoid; }
figcaption { font-weight: 600; }
figcaption .unit { font-weight: 400; color: var(--muted); }
.chart { width: 100%; min-height: 230px; }
.warnings { border-left: 3px solid var(--unsure); padding-left: .75rem; }
.u-legend { font-size: 12px; text-align: left; }
.u-legend .u-value { font-variant-numeric: tabular-nums; }
@media (max-width: 700px) { .charts { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav.index { break-after: page; }
  section.test { break-before: page; border-top: none; }
  section.test:first-of-type { break-before: auto; }
  .charts { display: block; }
  figure.chart-box, table, pre { break-inside: avoid; }
  .u-cursor-x, .u-cursor-y, .u-select { display: none; }
  a { color: inherit; text-decoration: none; }
  .badge { border: 1px solid #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
