import { seedQueries, type SeedQuery, type SeedQueryOptions } from '../prometheus/queries.js';
import type { GrafanaDashboard, GrafanaDatasourceRef, GrafanaPanel } from './model.js';

/** Options of ethixDashboard(). */
export interface DashboardOptions extends Omit<SeedQueryOptions, 'window'> {
  title?: string;
  uid?: string;
  /** rate() window in the panels' PromQL; default Grafana's '$__rate_interval'. */
  window?: string;
}

/** Name of the datasource variable every panel's queries go through. */
export const DATASOURCE_VARIABLE = 'datasource';
const DATASOURCE: GrafanaDatasourceRef = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };
const COLUMNS = 24;
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/** One time-series panel for a query at grid slot `index` (two per row). */
function panel(query: SeedQuery, index: number): GrafanaPanel {
  const stacked = query.name === 'statusCodes';
  return {
    id: index + 1,
    type: 'timeseries',
    title: query.title,
    description: `${query.description} (vitest-stress query "${query.name}")`,
    datasource: DATASOURCE,
    gridPos: {
      x: (index * PANEL_WIDTH) % COLUMNS,
      y: Math.floor((index * PANEL_WIDTH) / COLUMNS) * PANEL_HEIGHT,
      w: PANEL_WIDTH,
      h: PANEL_HEIGHT,
    },
    fieldConfig: {
      defaults: {
        unit: query.unit,
        min: 0,
        ...(stacked ? { custom: { stacking: { mode: 'normal', group: 'A' } } } : {}),
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'none' },
    },
    targets: [
      {
        refId: 'A',
        datasource: DATASOURCE,
        expr: query.expr,
        legendFormat: query.legend,
        range: true,
      },
    ],
  };
}

/**
 * The seed's Grafana dashboard, built from the same query definitions as collectMetrics() and
 * the alert rules: request rate, p95 latency, error rate, CPU and memory (backend and AI core
 * apart, one series per job), MongoDB connections and answers by status code. Every query goes
 * through a Prometheus datasource variable; every panel has its unit set.
 */
export function ethixDashboard(options: DashboardOptions = {}): GrafanaDashboard {
  const { title, uid, window, ...jobs } = options;
  const queries = seedQueries({ ...jobs, window: window ?? '$__rate_interval' });
  return {
    uid: uid ?? 'vitest-stress-ethix',
    title: title ?? 'Ethix under load (vitest-stress)',
    tags: ['vitest-stress', 'ethix'],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '5s',
    time: { from: 'now-30m', to: 'now' },
    templating: {
      list: [
        {
          name: DATASOURCE_VARIABLE,
          label: 'Prometheus',
          type: 'datasource',
          query: 'prometheus',
          hide: 0,
          refresh: 1,
          regex: '',
          current: {},
          options: [],
        },
      ],
    },
    annotations: { list: [] },
    links: [],
    panels: queries.map(panel),
  };
}
