import { performance } from 'node:perf_hooks';
import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { parseDurationMs } from '../options/duration.js';
import { parseTarget } from '../options/target.js';
import { parseExposition } from './exposition.js';
import { scrapeAgent, scrapeText } from './scrape.js';
import { DEFAULT_METRIC_NAMES, parseSelectors, selectMetrics } from './select.js';
import type { MetricsSample, MetricsSeries, ScrapeGap } from '../contracts/metrics-series.js';

/** Options of sampleMetrics(). */
export interface MetricsSamplerOptions {
  /** The /metrics URL; a base URL whose path is '/' gets '/metrics'. Loopback only unless allowRemote. */
  url: string;
  /** Time between scrapes, ms; default 1000 (at least 10). */
  intervalMs?: number;
  /** A scrape with no whole answer after this many ms is a gap; default intervalMs. */
  timeoutMs?: number;
  /** Metric names or 'sum(name)' to keep per sample; default DEFAULT_METRIC_NAMES. */
  names?: readonly string[];
  /** Samples kept before every other one is dropped and the interval doubled; default 7200 (2 h at 1 s). */
  maxSamples?: number;
  /** Stops the sampler when aborted (stop() still returns the series). */
  signal?: AbortSignal;
  /** Allow a non-loopback URL (or set VITEST_STRESS_ALLOW_REMOTE=1). */
  allowRemote?: boolean;
}

/** A running sampler. */
export interface MetricsSampler {
  /** The URL being scraped. */
  readonly url: string;
  /** A copy of the series so far. */
  series(): MetricsSeries;
  /** Stop scraping (an in-flight scrape is abandoned) and resolve with the series; safe to call twice. */
  stop(): Promise<MetricsSeries>;
}

const OPTION_KEYS = [
  'url',
  'intervalMs',
  'timeoutMs',
  'names',
  'maxSamples',
  'signal',
  'allowRemote',
];
const MAX_GAPS = 100;

/**
 * Scrape a Prometheus /metrics endpoint every `intervalMs` (the first scrape at once) until
 * stop() or `signal`. A failed scrape (refused, timeout, non-200, unparsable text) is recorded
 * as a gap with its error and never throws. Scrapes never overlap: a slow one skips the
 * ticks it overran. Throws InvalidOptionError / UnknownOptionError / RemoteTargetError for bad options.
 */
export function sampleMetrics(options: MetricsSamplerOptions): MetricsSampler {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object such as { url }');
  rejectUnknownKeys(options, OPTION_KEYS, 'sampleMetrics options');
  const url = metricsUrl(options.url, options.allowRemote === true);
  let intervalMs = parseDurationMs(options.intervalMs ?? 1000, 'intervalMs');
  if (intervalMs < 10)
    throw new InvalidOptionError('intervalMs', options.intervalMs, 'at least 10 ms');
  const timeoutMs = parseDurationMs(options.timeoutMs ?? intervalMs, 'timeoutMs');
  const names = [...(options.names ?? DEFAULT_METRIC_NAMES)];
  const selectors = parseSelectors(names);
  const maxSamples = options.maxSamples ?? 7200;
  if (!Number.isInteger(maxSamples) || maxSamples < 10)
    throw new InvalidOptionError('maxSamples', options.maxSamples, 'an integer >= 10');
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new InvalidOptionError('signal', options.signal, 'an AbortSignal');

  const startedAt = new Date();
  const start = performance.now();
  const samples: MetricsSample[] = [];
  const errors: ScrapeGap[] = [];
  const scrapes = { ok: 0, failed: 0 };
  let thinned = 0;
  const agent = scrapeAgent(url);
  const stopper = new AbortController();
  const onExternalAbort = () => stopper.abort(new Error('sampler stopped'));
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  if (options.signal?.aborted) onExternalAbort();

  const snapshot = (): MetricsSeries => ({
    kind: 'vitest-stress/metrics',
    source: url.href,
    startedAt: startedAt.toISOString(),
    intervalMs,
    names: [...names],
    samples: samples.map((s) => ({ tMs: s.tMs, metrics: { ...s.metrics } })),
    errors: errors.map((g) => ({ ...g })),
    scrapes: { ...scrapes },
    thinned,
  });

  let openGap: ScrapeGap | undefined; // the gap the previous scrape went into, if it failed
  const recordGap = (tMs: number, error: string) => {
    scrapes.failed++;
    if (openGap && openGap.error === error) {
      openGap.untilMs = tMs;
      openGap.scrapes++;
    } else if (errors.length < MAX_GAPS) {
      openGap = { tMs, untilMs: tMs, scrapes: 1, error };
      errors.push(openGap);
    } else {
      openGap = undefined;
    }
  };

  const recordSample = (tMs: number, metrics: Record<string, number>) => {
    scrapes.ok++;
    openGap = undefined;
    samples.push({ tMs, metrics });
    if (samples.length >= maxSamples) {
      // Keep the whole run's shape at half the resolution, rather than only its start or end.
      const kept = samples.filter((_, i) => i % 2 === 0);
      samples.splice(0, samples.length, ...kept);
      intervalMs *= 2;
      thinned++;
    }
  };

  const scrapeOnce = async () => {
    const tMs = Math.round(performance.now() - start);
    try {
      const text = await scrapeText(url, { agent, timeoutMs, signal: stopper.signal });
      recordSample(tMs, selectMetrics(parseExposition(text), selectors));
    } catch (error) {
      if (!stopper.signal.aborted) recordGap(tMs, (error as Error)?.message ?? String(error));
    }
  };

  const loop = async () => {
    let nextDue = start;
    while (!stopper.signal.aborted) {
      await sleepUntil(nextDue, stopper.signal);
      if (stopper.signal.aborted) break;
      await scrapeOnce();
      nextDue += intervalMs;
      const now = performance.now();
      if (nextDue < now) nextDue += Math.ceil((now - nextDue) / intervalMs) * intervalMs;
    }
  };
  // However the loop ends (stop() or signal), leave no connection or listener behind.
  const running = loop().finally(() => {
    options.signal?.removeEventListener('abort', onExternalAbort);
    agent.destroy();
  });

  let stopped: Promise<MetricsSeries> | undefined;
  return {
    url: url.href,
    series: snapshot,
    stop() {
      stopped ??= (async () => {
        stopper.abort(new Error('sampler stopped'));
        await running;
        return snapshot();
      })();
      return stopped;
    },
  };
}

/** The URL to scrape: `value` as given, or with '/metrics' when its path is '/'. */
export function metricsUrl(value: unknown, allowRemote: boolean): URL {
  const url = parseTarget(value, allowRemote, 'url');
  if (url.pathname === '/' && url.search === '') url.pathname = '/metrics';
  return url;
}

/** Resolve at performance.now() >= `at`, or at once when `signal` aborts; leaves no timer behind. */
function sleepUntil(at: number, signal: AbortSignal): Promise<void> {
  const delay = at - performance.now();
  if (delay <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    signal.addEventListener('abort', done, { once: true });
  });
}
