/**
 * The part of Grafana's classic dashboard JSON model that vitest-stress writes (the format
 * Grafana's "Import dashboard" takes). Field names are Grafana's.
 */
export interface GrafanaDashboard {
  uid: string;
  title: string;
  tags: string[];
  timezone: string;
  editable: boolean;
  graphTooltip: number;
  /** Grafana migrates older dashboards up to its own version on load. */
  schemaVersion: number;
  version: number;
  refresh: string;
  time: { from: string; to: string };
  templating: { list: GrafanaVariable[] };
  annotations: { list: unknown[] };
  links: unknown[];
  panels: GrafanaPanel[];
}

/** A datasource template variable: the user picks which Prometheus to use. */
export interface GrafanaVariable {
  name: string;
  label: string;
  type: 'datasource';
  /** The datasource plugin id: 'prometheus'. */
  query: string;
  hide: number;
  refresh: number;
  regex: string;
  current: Record<string, never>;
  options: unknown[];
}

/** A reference to a datasource through the variable: `{ type: 'prometheus', uid: '${datasource}' }`. */
export interface GrafanaDatasourceRef {
  type: 'prometheus';
  uid: string;
}

/** A panel on the 24-column grid. */
export interface GrafanaPanel {
  id: number;
  type: 'timeseries';
  title: string;
  description: string;
  datasource: GrafanaDatasourceRef;
  /** Grid position: x + w <= 24; h in grid rows (30 px). */
  gridPos: { x: number; y: number; w: number; h: number };
  fieldConfig: {
    defaults: { unit: string; min?: number; custom?: Record<string, unknown> };
    overrides: unknown[];
  };
  options: {
    legend: { displayMode: string; placement: string; showLegend: boolean };
    tooltip: { mode: string; sort: string };
  };
  targets: GrafanaTarget[];
}

/** One PromQL query of a panel. */
export interface GrafanaTarget {
  refId: string;
  datasource: GrafanaDatasourceRef;
  expr: string;
  legendFormat: string;
  range: boolean;
}
