import { stringify } from 'yaml';
import { InvalidOptionError } from '../../errors.js';

/** One scrape target: a job name and the full URL of its metrics endpoint. */
export interface ScrapeTarget {
  /** The `job` label Prometheus gives its series, e.g. 'ethix-backend'. */
  job: string;
  /** The metrics URL, e.g. 'http://127.0.0.1:3000/metrics'. */
  url: string;
}

/** What goes into the generated prometheus.yml. */
export interface PrometheusConfigOptions {
  targets: readonly ScrapeTarget[];
  /** Scrape and rule evaluation interval, seconds; default 1. */
  intervalS?: number;
  /** Rule files to load (absolute paths). */
  ruleFiles?: readonly string[];
}

const JOB = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** Check one target; throws InvalidOptionError naming `targets[i]`. */
function scrapeConfig(target: ScrapeTarget, i: number, intervalS: number): Record<string, unknown> {
  if (typeof target?.job !== 'string' || !JOB.test(target.job))
    throw new InvalidOptionError(
      `targets[${i}].job`,
      target?.job,
      'a job name of letters, digits, _ and -',
    );
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new InvalidOptionError(
      `targets[${i}].url`,
      target.url,
      'an http(s) URL of a metrics endpoint',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidOptionError(`targets[${i}].url`, target.url, 'an http(s) URL');
  return {
    job_name: target.job,
    scrape_interval: `${intervalS}s`,
    scrape_timeout: `${intervalS}s`,
    scheme: url.protocol.slice(0, -1),
    metrics_path: url.pathname,
    static_configs: [{ targets: [url.host] }],
  };
}

/** The prometheus.yml text for the targets: every job scraped and every rule evaluated each `intervalS` seconds. */
export function prometheusConfig(options: PrometheusConfigOptions): string {
  const intervalS = options.intervalS ?? 1;
  if (!Number.isInteger(intervalS) || intervalS < 1)
    throw new InvalidOptionError('intervalS', intervalS, 'an integer number of seconds >= 1');
  if (!Array.isArray(options.targets) || options.targets.length === 0)
    throw new InvalidOptionError('targets', options.targets, 'a non-empty array of { job, url }');
  return stringify({
    global: { scrape_interval: `${intervalS}s`, evaluation_interval: `${intervalS}s` },
    rule_files: [...(options.ruleFiles ?? [])],
    scrape_configs: options.targets.map((t, i) => scrapeConfig(t, i, intervalS)),
  });
}
