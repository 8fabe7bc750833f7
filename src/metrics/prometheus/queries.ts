/** A named PromQL query. */
export interface PromQuery {
  /** How results and errors name it: `requestRate`, or the user's own name. */
  name: string;
  /** The PromQL expression. */
  expr: string;
}

/** A built-in query: PromQL plus what a dashboard needs to show it. */
export interface SeedQuery extends PromQuery {
  name: SeedQueryName;
  /** Panel title. */
  title: string;
  /** Grafana unit id: 'reqps', 's', 'percentunit', 'bytes', 'short'. */
  unit: string;
  /** Grafana legend format, e.g. '{{job}}'. */
  legend: string;
  description: string;
}

export type SeedQueryName =
  | 'requestRate'
  | 'p95Latency'
  | 'errorRate'
  | 'cpu'
  | 'residentMemory'
  | 'mongoConnections'
  | 'statusCodes';

/** The seed's query names, in dashboard order. */
export const SEED_QUERY_NAMES: readonly SeedQueryName[] = Object.freeze([
  'requestRate',
  'p95Latency',
  'errorRate',
  'cpu',
  'residentMemory',
  'mongoConnections',
  'statusCodes',
]);

/** Job labels the reference service's two parts are scraped under (see ethixScrapeTargets()). */
export const DEFAULT_JOBS = Object.freeze({ backend: 'ethix-backend', aiCore: 'ethix-ai-core' });

/** Options of seedQueries(). */
export interface SeedQueryOptions {
  /** Range of rate() windows: '1m' (default), '15s', or Grafana's '$__rate_interval'. */
  window?: string;
  /** Job label of the backend (HTTP metrics, MongoDB pool); default 'ethix-backend'. */
  backendJob?: string;
  /** Job label of the AI core; default 'ethix-ai-core'. */
  aiCoreJob?: string;
}

const WINDOW = /^(\d+(ms|s|m|h|d))+$|^\$__rate_interval$|^\$__interval$/;

/**
 * The seed's queries over the reference service's prom-client metrics: request rate, p95
 * latency (histogram_quantile over http_request_duration_seconds), 5xx error rate, CPU and
 * resident memory (one series per job: backend and AI core apart), MongoDB pool connections,
 * and answers by status code. Scrapes of /metrics and /health are left out of the HTTP figures.
 */
export function seedQueries(options: SeedQueryOptions = {}): SeedQuery[] {
  const w = options.window ?? '1m';
  if (!WINDOW.test(w))
    throw new RangeError(
      `window must be a PromQL duration such as '1m' or '$__rate_interval', got ${JSON.stringify(w)}`,
    );
  const backend = options.backendJob ?? DEFAULT_JOBS.backend;
  const both = `${backend}|${options.aiCoreJob ?? DEFAULT_JOBS.aiCore}`;
  const api = `job="${backend}",route!~"/metrics|/health"`;
  return [
    {
      name: 'requestRate',
      title: 'Request rate',
      unit: 'reqps',
      legend: 'requests/s',
      description: 'HTTP requests answered per second',
      expr: `sum(rate(http_requests_total{${api}}[${w}]))`,
    },
    {
      name: 'p95Latency',
      title: 'p95 latency',
      unit: 's',
      legend: 'p95',
      description: '95th percentile of server time, from the histogram buckets',
      expr: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${api}}[${w}])))`,
    },
    // `or vector(0)`: no 5xx ever answered is a 0% error rate, not an absent series.
    {
      name: 'errorRate',
      title: 'Error rate',
      unit: 'percentunit',
      legend: '5xx share',
      description: 'Share of answers with a 5xx status',
      expr:
        `(sum(rate(http_requests_total{${api},status=~"5.."}[${w}])) or vector(0)) / ` +
        `sum(rate(http_requests_total{${api}}[${w}]))`,
    },
    {
      name: 'cpu',
      title: 'CPU',
      unit: 'percentunit',
      legend: '{{job}}',
      description: 'CPU time per second (1 = one core), backend and AI core apart',
      expr: `rate(process_cpu_seconds_total{job=~"${both}"}[${w}])`,
    },
    {
      name: 'residentMemory',
      title: 'Memory (resident)',
      unit: 'bytes',
      legend: '{{job}}',
      description: 'Resident set size, backend and AI core apart',
      expr: `process_resident_memory_bytes{job=~"${both}"}`,
    },
    {
      name: 'mongoConnections',
      title: 'MongoDB connections',
      unit: 'short',
      legend: 'pool connections',
      description: 'Connections in the MongoDB driver pool (only when MongoDB is the audit store)',
      expr: `sum(mongodb_driver_pool_connections{job="${backend}"})`,
    },
    {
      name: 'statusCodes',
      title: 'Answers by status code',
      unit: 'reqps',
      legend: '{{status}}',
      description: 'HTTP answers per second by status code',
      expr: `sum by (status) (rate(http_requests_total{${api}}[${w}]))`,
    },
  ];
}

/** The built-in query called `name`, or undefined. */
export function seedQuery(name: string, options?: SeedQueryOptions): SeedQuery | undefined {
  return seedQueries(options).find((q) => q.name === name);
}
