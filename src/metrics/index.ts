/** `vitest-stress/metrics`: sampling a service's Prometheus /metrics during a run, and trends over the samples. */
export { sampleMetrics } from './sampler.js';
export { loadWithMetrics } from './load-with-metrics.js';
export { withMetrics } from './with-metrics.js';
export { parseExposition } from './exposition.js';
export { DEFAULT_METRIC_NAMES } from './select.js';
export { isMetricsSeries, metricsOf } from './series.js';
export { linearTrend, afterWarmup } from './linear-trend.js';
export type { MetricsSampler, MetricsSamplerOptions } from './sampler.js';
export type { LoadMetricsOptions } from './load-with-metrics.js';
export type { RunResultWithMetrics } from './with-metrics.js';
export type { MetricFamily, MetricSample, MetricType } from './exposition.js';
export type { MetricPoint } from './series.js';
export type { MetricsSeries, MetricsSample, ScrapeGap } from '../contracts/metrics-series.js';
export type { LinearTrend, WarmupOptions } from './linear-trend.js';
export * from './prometheus/index.js';
export { PrometheusQueryError, PrometheusStartError } from '../errors.js';
export * from './alerts/index.js';
export * from './dashboard/index.js';
