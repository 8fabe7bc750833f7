import { vi } from 'vitest';
import {
  startEthix,
  type Ethix,
  type EthixOptions,
} from '../../../fixtures/ethix-service/index.js';
import { DEFAULT_JOBS } from '../../../src/metrics/prometheus/queries.js';
import {
  startPrometheus,
  type RunningPrometheus,
} from '../../../src/metrics/prometheus/start-prometheus.js';

/** The reference service and a real Prometheus scraping its backend and AI core every second. */
export interface EthixWithPrometheus {
  ethix: Ethix;
  prom: RunningPrometheus;
  close(): Promise<void>;
}

/** Options of startEthixWithPrometheus: rules, the service's options, the two job labels. */
export interface EthixWithPrometheusOptions {
  rules?: string;
  ethix?: EthixOptions;
  /** Job labels of the two scrape targets; default DEFAULT_JOBS (ethix-backend, ethix-ai-core). */
  jobs?: { backend: string; aiCore: string };
}

/** Start both; Prometheus has scraped both jobs once before this resolves. */
export async function startEthixWithPrometheus(
  options: EthixWithPrometheusOptions = {},
): Promise<EthixWithPrometheus> {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const ethix = await startEthix({
    auditStore: 'memory',
    workers: 1,
    logger: { warn: () => undefined },
    ...options.ethix,
  });
  let prom: RunningPrometheus;
  try {
    prom = await startPrometheus({
      targets: [
        { job: jobs.backend, url: `${ethix.url}/metrics` },
        { job: jobs.aiCore, url: `${ethix.aiCoreUrl}/metrics` },
      ],
      rules: options.rules,
    });
  } catch (error) {
    await ethix.close();
    throw error;
  }
  await vi.waitFor(
    async () => {
      const up = await promQuery(prom.url, 'sum(up)');
      if (up[0]?.value[1] !== '2') throw new Error(`both jobs not up yet: ${JSON.stringify(up)}`);
    },
    { timeout: 20_000, interval: 250 },
  );
  return {
    ethix,
    prom,
    async close() {
      try {
        await prom.stop();
      } finally {
        await ethix.close();
      }
    },
  };
}

/** Prometheus' own answer to an instant query (`data.result`), straight from its API. */
export async function promQuery(
  promUrl: string,
  expr: string,
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const body = (await (
    await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`)
  ).json()) as { data: { result: never[] } };
  return body.data.result;
}

/** A sample credit record for POST /api/explain. */
export { default as sampleRecord } from '../../../fixtures/data/sample_record.json' with { type: 'json' };
