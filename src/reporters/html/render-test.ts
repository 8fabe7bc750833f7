import type { SlaVerdict } from '../../contracts/meta.js';
import { escapeHtml as e } from './escape.js';
import { ms, num, pct, seconds } from './format.js';
import type { RunView, TestView, VerdictState } from './prepare.js';
import { renderCapacity } from './render-capacity.js';
import { renderJourneys } from './render-journeys.js';
import { badge, chartFigure } from './render-parts.js';
import { errorTables, statusTable, summariesTable, table, warningsList } from './render-tables.js';

export { badge };

const VERDICT_TEXT: Record<VerdictState, string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  inconclusive: '? inconclusive',
};

/** One test's section: state, failures, SLA verdicts, notes, capacity searches, then each run's charts and tables. */
export function renderTest(test: TestView): string {
  const r = test.record;
  const errors =
    (r.errors ?? []).length > 0
      ? `<pre class="failure">${(r.errors ?? []).map(e).join('\n\n')}</pre>`
      : '';
  const notes = (r.annotations ?? [])
    .map((a) => `<pre class="annotation" title="${e(a.type)}">${e(a.message)}</pre>`)
    .join('');
  return `<section class="test ${e(test.state)}" id="${test.id}">
<h2>${badge(test.state)} ${e(r.fullName || r.name)}</h2>
<p class="meta"><code>${e(r.file)}</code>${r.project ? ` · project ${e(r.project)}` : ''} · ${seconds(r.durationMs)}</p>
${errors}${verdictTable(test.verdicts)}${notes}
${test.capacity.map(renderCapacity).join('\n')}
${test.runs.map((run) => renderRun(run, test.runs.length)).join('\n')}
</section>`;
}

function verdictTable(verdicts: TestView['verdicts']): string {
  const rows = verdicts.map(({ verdict: v, state }) => [
    badge(state, VERDICT_TEXT[state]),
    `<code>${e(v.matcher)}${v.negated ? ' (.not)' : ''}</code>`,
    e(v.subject ?? 'whole run'),
    typeof v.threshold === 'number'
      ? withUnit(v.threshold, v.unit)
      : `${e(v.threshold)} ${e(v.unit)}`,
    typeof v.observed === 'number' ? withUnit(v.observed, v.unit) : '–',
    intervalText((v as { interval?: unknown }).interval, v.unit),
    verdictMessage(v),
  ]);
  return table(
    'SLA verdicts',
    ['verdict', 'matcher', 'subject', 'threshold', 'observed', 'interval', 'message'],
    rows,
    'verdicts',
  );
}

/** A verdict figure with its unit; fractions as percentages. */
function withUnit(value: number, unit: string): string {
  return unit === 'fraction' ? pct(value) : `${num(value, 4)} ${e(unit)}`;
}

/**
 * A verdict's interval (the trust feature's `{ low, high, confidence, method }`, read loosely so
 * that any shape shows) as text, e.g. '[420.5, 560] ms · 95% · exact-binomial'.
 */
export function intervalText(interval: unknown, unit = ''): string {
  if (interval === undefined || interval === null) return '–';
  if (typeof interval !== 'object') return e(interval);
  const o = interval as Record<string, unknown>;
  const bound = (v: unknown) =>
    typeof v === 'number' ? num(v, 4) : v === null ? 'n/a' : e(v ?? '–');
  const known = ['low', 'high', 'confidence', 'method'];
  const parts = [
    'low' in o || 'high' in o
      ? `[${bound(o.low)}, ${bound(o.high)}]${unit && unit !== 'fraction' ? ` ${e(unit)}` : ''}`
      : '',
    typeof o.confidence === 'number' ? pct(o.confidence).replace(/\.00%$/, '%') : '',
    typeof o.method === 'string' ? e(o.method) : '',
    ...Object.entries(o)
      .filter(([k]) => !known.includes(k))
      .map(([k, v]) => `${e(k)} ${e(typeof v === 'object' ? JSON.stringify(v) : v)}`),
  ];
  return parts.filter(Boolean).join(' · ') || '–';
}

/** The message, and what verdicts with confidence or a baseline add: why inconclusive, the baseline figure. */
function verdictMessage(v: SlaVerdict): string {
  const extra = v as {
    reason?: unknown;
    baseline?: { value?: unknown; outcome?: unknown; file?: unknown };
  };
  const notes = [
    typeof extra.reason === 'string' ? `inconclusive because ${e(extra.reason)}` : '',
    extra.baseline && typeof extra.baseline === 'object'
      ? `baseline ${e(extra.baseline.outcome ?? '')}: ` +
        `${typeof extra.baseline.value === 'number' ? withUnit(extra.baseline.value, v.unit) : 'n/a'}` +
        ` (${e(extra.baseline.file ?? '')})`
      : '',
  ].filter(Boolean);
  return (
    '<span ' +
    `class="message">${e(v.message)}</span>` +
    `${notes.map((n) => `<br><span class="note">${n}</span>`).join('')}`
  );
}

function renderRun(view: RunView, runsInTest: number): string {
  const run = view.run;
  const title =
    run.name ?? (runsInTest > 1 ? view.id.replace(/^test-\d+-/, '').replace('-', ' ') : 'Run');
  const facts = [
    ['model', `${e(run.model)} · ${e(run.engine)}`],
    ['target', `<code>${e(run.target)}</code>`],
    ['started', timeTag(run.startedAt)],
    ['duration', seconds(run.durationMs)],
    ['sent', num(run.requests?.total, 0)],
    ['failed', `${num(run.requests?.failed, 0)} (${pct(run.errorRate)})`],
    ['throughput', `${num(run.throughput)} req/s`],
    [
      'p50 · p95 · p99',
      `${ms(run.latency?.p50)} · ${ms(run.latency?.p95)} · ${ms(run.latency?.p99)}`,
    ],
    ['users', num(run.users, 0)],
    ['measured', e(run.measured)],
  ];
  const tables =
    summariesTable('Scenarios', run.scenarios) +
    summariesTable('Phases', run.phases) +
    statusTable(run.statusCodes) +
    errorTables(run);
  return `<div class="run" id="${view.id}">
<h3>${e(title)}</h3>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
${warningsList(run.warnings)}
${missingCharts(view)}<div class="charts">${view.charts.map(chartFigure).join('\n')}</div>
${renderJourneys(run)}<div class="tables">${tables}</div>
</div>`;
}

/** Say why a chart a reader expects is not there. */
function missingCharts(view: RunView): string {
  if (!Array.isArray(view.run.timeline) || view.run.timeline.length === 0)
    return '<p class="note">No charts: this run has no timeline.</p>';
  if (!view.charts.some((c) => c.id.endsWith('-latency')))
    return '<p class="note">No latency chart: no request of this run succeeded.</p>';
  return '';
}

/** An ISO time the page's script rewrites to the reader's local time; UTC until then (and in no-script views). */
export function timeTag(iso: unknown): string {
  const text = typeof iso === 'string' ? iso : '';
  return `<time datetime="${e(text)}">${e(text.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time>`;
}

/** Verdict text for tests: a short tally such as '3 pass · 1 fail'. */
export function verdictTally(
  verdicts: ReadonlyArray<{ verdict: SlaVerdict; state: VerdictState }>,
): string {
  const counts = new Map<VerdictState, number>();
  for (const v of verdicts) counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(' · ') || 'no SLA';
}
