export { startPrometheus } from './start-prometheus.js';
export { prometheusConfig } from './config.js';
export { findBinary, missingBinaryReason } from './find-binary.js';
export type { StartPrometheusOptions, RunningPrometheus } from './start-prometheus.js';
export type { ScrapeTarget, PrometheusConfigOptions } from './config.js';
