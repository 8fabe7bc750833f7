export { ethixDashboard, DATASOURCE_VARIABLE } from './build-dashboard.js';
export type { DashboardOptions } from './build-dashboard.js';
export type {
  GrafanaDashboard,
  GrafanaPanel,
  GrafanaTarget,
  GrafanaVariable,
  GrafanaDatasourceRef,
} from './model.js';
