import type { RunMeta } from '../../contracts/meta.js';
import type { ErrorCount } from '../../contracts/run-result.js';
import type { LatencyIntervals, PercentileInterval } from '../../contracts/latency.js';
import { escapeHtml as e } from './escape.js';
import { ms, num, pct } from './format.js';
import { table } from './render-tables.js';

// A journey run's Journeys section: one row per journey (iterations started, completed, failed at
// which step and why, skipped steps, whole-journey duration with its bounds) and one per step.
// Names are the user's strings: they are read with Object.entries and only ever escaped as text.

type Journeys = NonNullable<RunMeta['journeys']>;
type Steps = NonNullable<RunMeta['steps']>;
type Percentile = 'p50' | 'p95' | 'p99';

/** '120 ms [110, 131]': a percentile and, when the run has them, its 95% bounds ('n/a' for a missing bound). */
export function percentileCell(
  latency: { p50: number | null; p95: number | null; p99: number | null } | undefined,
  intervals: LatencyIntervals | undefined,
  key: Percentile,
): string {
  const value = ms(latency?.[key]);
  const interval: PercentileInterval | undefined = intervals?.[key];
  if (!interval || (interval.lowMs === null && interval.highMs === null)) return value;
  const bound = (v: number | null) => (v === null ? 'n/a' : num(v, v < 10 ? 2 : 1));
  return `${value} <span class="interval">[${bound(interval.lowMs)}, ${bound(interval.highMs)}]</span>`;
}

/** 'pay ×3, login ×1': counts by name, most first; '–' when there are none. */
export function countsText(counts: Record<string, number> | undefined): string {
  const entries = Object.entries(counts ?? {}).filter(([, n]) => typeof n === 'number' && n > 0);
  if (entries.length === 0) return '–';
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${e(name)} ×${num(n, 0)}`)
    .join(', ');
}

/** Error messages as '<code>message</code> ×n' lines; '–' when there are none. */
function messagesText(errors: readonly ErrorCount[]): string {
  if (errors.length === 0) return '–';
  return errors.map((x) => `<code>${e(x.message)}</code> ×${num(x.count, 0)}`).join('<br>');
}

/** The journeys table: one row per journey; '' when the run has none. */
export function journeysTable(journeys: Journeys | undefined): string {
  const rows = Object.entries(journeys ?? {}).map(([name, j]) => [
    e(name),
    num(j.started, 0),
    num(j.completed, 0),
    num(j.failed, 0),
    countsText(j.failedAt),
    messagesText(j.errors ?? []),
    countsText(j.skippedSteps),
    num(j.cancelled, 0),
    num(j.notStarted, 0) + (j.dropped > 0 ? ` · dropped ${num(j.dropped, 0)}` : ''),
    percentileCell(j.latency, j.intervals, 'p50'),
    percentileCell(j.latency, j.intervals, 'p95'),
    percentileCell(j.latency, j.intervals, 'p99'),
  ]);
  return table(
    'Journeys (duration of completed journeys, from the start to the last answer)',
    [
      'journey',
      'started',
      'completed',
      'failed',
      'failed at',
      'why (step: reason)',
      'skipped steps',
      'cancelled',
      'not started',
      'p50 [95%]',
      'p95 [95%]',
      'p99 [95%]',
    ],
    rows,
    'numeric journeys-table',
  );
}

/** The steps table: one row per step, its counts, latency and check failures; '' when the run has none. */
export function stepsTable(steps: Steps | undefined): string {
  const rows = Object.entries(steps ?? {}).map(([name, s]) => [
    e(name),
    num(s.requests?.total, 0),
    num(s.requests?.ok, 0),
    num(s.requests?.failed, 0),
    num(s.requests?.cancelled, 0),
    num(s.skipped, 0),
    pct(s.errorRate),
    percentileCell(s.latency, s.intervals, 'p50'),
    percentileCell(s.latency, s.intervals, 'p95'),
    percentileCell(s.latency, s.intervals, 'p99'),
    messagesText(s.checkFailures ?? []),
  ]);
  return table(
    'Steps',
    [
      'step',
      'sent',
      'ok',
      'failed',
      'cancelled',
      'skipped',
      'error rate',
      'p50 [95%]',
      'p95 [95%]',
      'p99 [95%]',
      'check failures',
    ],
    rows,
    'numeric steps-table',
  );
}

/** A run's Journeys section (both tables); '' for a run without journeys. */
export function renderJourneys(run: Pick<RunMeta, 'journeys' | 'steps'>): string {
  if (!run.journeys || Object.keys(run.journeys).length === 0) return '';
  return `<div class="journeys">
<h4>Journeys</h4>
<p class="note">Latency from the (intended) start; bounds are distribution-free 95% intervals, n/a \
where the run had too few samples. A failed step ends its iteration: the steps after it are \
counted as skipped.</p>
<div class="tables">${journeysTable(run.journeys)}${stepsTable(run.steps)}</div>
</div>`;
}
