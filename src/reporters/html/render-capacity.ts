import type { CapacityLevel, CapacityMeta } from '../../contracts/capacity.js';
import { uslText } from '../../report-text/capacity-block.js';
import {
  attributionRows,
  capacityHeadline,
  limiterText,
  p95Line,
  slaText,
} from '../../report-text/capacity-rows.js';
import { distinctLevels } from './capacity-charts.js';
import { escapeHtml as e } from './escape.js';
import { ms, num, pct, seconds } from './format.js';
import type { CapacityView } from './prepare.js';
import { badge, chartFigure } from './render-parts.js';
import { table } from './render-tables.js';

// One capacity search on the page: the headline (the same words as the terminal summary), its
// facts, the charts per level, the levels table and what limited the capacity.

/** '470 ms [446.5, 493.5]': the p95 and, when the SLA judged it, its interval. */
export function p95Cell(level: CapacityLevel): string {
  const line = p95Line(level);
  if (!line || (line.low === null && line.high === null)) return ms(level.p95Ms);
  return `${ms(level.p95Ms)} [${num(line.low)}, ${num(line.high)}]`;
}

/** 'capacity, knee, refine, extended ×2, generator lagged': what is special about a level. */
export function levelMarks(level: CapacityLevel, result: CapacityMeta): string {
  return [
    level.level === result.capacity ? 'capacity' : '',
    level.level === result.firstFailing ? 'first failing' : '',
    level.level === result.knee ? 'knee' : '',
    level.phase === 'refine' ? 'refine' : '',
    level.runs > 1 ? `extended ×${level.runs - 1}` : '',
    level.generatorWarnings.length > 0 ? 'generator lagged' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The levels table: verdict per level, throughput, p95 with interval, error rate, runs and marks. */
export function levelsTable(result: CapacityMeta): string {
  const rows = distinctLevels(result).map((l) => [
    num(l.level, 2),
    badge(l.state),
    `${num(l.throughputRps)} req/s`,
    p95Cell(l),
    pct(l.errorRate),
    seconds(l.durationMs),
    num(l.runs, 0),
    e(levelMarks(l, result)),
    e(
      l.lines
        .filter((x) => x.state !== 'pass' && x.reason)
        .map((x) => `${x.metric}: ${x.reason}`)
        .join('; '),
    ),
  ]);
  return table(
    `Levels (${result.unit})`,
    [
      result.unit,
      'verdict',
      'throughput',
      'p95 [interval]',
      'error rate',
      'ran',
      'runs',
      'marks',
      'why',
    ],
    rows,
    'numeric capacity-levels',
  );
}

/** The attribution table: every resource read at the first failing level, at the knee, since when saturated. */
export function attributionTable(result: CapacityMeta): string {
  const unit = result.unit;
  const rows = attributionRows(result).map((r) => [
    e(r.resource) + (r.first ? ' <strong>(saturated first)</strong>' : ''),
    e(r.atKnee ?? '–'),
    e(r.atFailing ?? '–'),
    r.saturated ? 'yes' : 'no',
    r.sinceLevel === null ? '–' : `${num(r.sinceLevel, 2)} ${e(unit)}`,
  ]);
  const failing =
    result.firstFailing === null
      ? 'highest level'
      : `first failing (${result.firstFailing} ${unit})`;
  const knee = result.knee === null ? 'knee' : `knee (${result.knee} ${unit})`;
  return table(
    'What saturated first',
    ['resource', `at the ${knee}`, `at the ${failing}`, 'saturated', 'since'],
    rows,
    'capacity-attribution',
  );
}

/** The generator-bound warning and why attribution was not possible, when they apply. */
function attributionNotes(result: CapacityMeta): string {
  const notes = [
    result.generatorBound
      ? 'The load generator was the limit (it lagged or sent late): the capacity found is a lower bound ' +
        'set by the generator, not by the target.'
      : '',
    result.attribution.possible
      ? ''
      : `Attribution not possible: ${result.attribution.reason ?? result.attribution.text}`,
    ...result.warnings,
  ].filter(Boolean);
  if (notes.length === 0) return '';
  return `<div class="warnings"><h5>Warnings</h5><ul>${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></div>`;
}

/** One capacity search's section: headline, facts, charts, levels and attribution. */
export function renderCapacity(view: CapacityView): string {
  const r = view.result;
  const state =
    r.outcome === 'found' ? 'pass' : r.outcome === 'limit-not-reached' ? 'inconclusive' : 'fail';
  const facts: Array<[string, string]> = [
    ['model', `${e(r.model)} · levels in ${e(r.unit)}`],
    ['SLA', e(slaText(r))],
    ['levels', `${num(r.levels.length, 0)} in ${seconds(r.wallTimeMs)}`],
    ['resolution', `${num(r.resolution, 2)} ${e(r.unit)}`],
    ['bounds', pct(r.confidence).replace(/\.00%$/, '%')],
    ['knee', r.knee === null ? 'n/a' : `${num(r.knee, 2)} ${e(r.unit)}`],
    ['USL', e(uslText(r))],
    ['limited by', e(limiterText(r))],
  ];
  return `<div class="capacity" id="${view.id}">
<h3>Capacity search</h3>
<p class="headline">${badge(state, r.outcome)} ${e(capacityHeadline(r))}</p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
${attributionNotes(r)}<div class="charts">${view.charts.map(chartFigure).join('\n')}</div>
<div class="tables">${levelsTable(r)}${attributionTable(r)}</div>
</div>`;
}
