import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { metricsCommand } from '../../src/cli/metrics.js';
import { load } from '../../src/load.js';
import { capture } from '../helpers/capture-io.js';
import {
  promQuery,
  sampleRecord,
  startEthixWithPrometheus,
  type EthixWithPrometheus,
} from '../metrics/prometheus/ethix-prometheus.js';
import { skipWithoutBinary } from '../metrics/prometheus/needs-prometheus.js';

const JOBS = { backend: 'my-api', aiCore: 'my-scorer' };

type Written = {
  queries: Array<{ name: string; series: Array<{ labels: Record<string, string> }> }>;
};

// A user's own Prometheus whose jobs are not named ethix-backend / ethix-ai-core: the default
// job labels find nothing (a warning and exit 1, not "7 queries, 0 points" and exit 0), and
// --backend-job / --ai-core-job make the built-in queries find the series.
describe.skipIf(skipWithoutBinary('prometheus'))(
  'vitest-stress metrics with other job labels',
  () => {
    let env: EthixWithPrometheus;
    let dir: string;
    beforeAll(async () => {
      env = await startEthixWithPrometheus({ jobs: JOBS });
      dir = await mkdtemp(join(tmpdir(), 'vs-metrics-jobs-'));
      await load({
        target: env.ethix.url,
        users: 1,
        duration: '2s',
        scenarios: [
          { name: 'explain', method: 'POST', path: '/api/explain', body: { record: sampleRecord } },
        ],
      });
      await vi.waitFor(
        async () => {
          const rate = await promQuery(
            env.prom.url,
            `sum(rate(http_requests_total{job="${JOBS.backend}"}[1m]))`,
          );
          expect(Number(rate[0]?.value[1] ?? 0)).toBeGreaterThan(0);
        },
        { timeout: 30_000, interval: 500 },
      );
    }, 120_000);
    afterAll(async () => {
      await env?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('the default job labels find no series: the file is written, a warning names the flags, exit 1', async () => {
      const file = join(dir, 'default.json');
      const c = capture();
      expect(await metricsCommand(['--prometheus', env.prom.url, '--output', file], c.io)).toBe(1);
      expect(c.out()).toBe(`7 queries, 0 points written to ${file}\n`);
      expect(c.err()).toContain('warning: all 7 queries returned no series');
      expect(c.err()).toContain('job="ethix-backend" (backend) and job="ethix-ai-core" (AI core)');
      expect(c.err()).toContain('pass --backend-job and --ai-core-job');
      const written = JSON.parse(await readFile(file, 'utf8')) as Written;
      expect(written.queries.every((q) => q.series.length === 0)).toBe(true);
    });

    test("--backend-job and --ai-core-job select the user's jobs: series found, no warning, exit 0", async () => {
      const file = join(dir, 'jobs.json');
      const c = capture();
      const argv = [
        '--prometheus',
        env.prom.url,
        '--backend-job',
        JOBS.backend,
        '--ai-core-job',
        JOBS.aiCore,
        '--output',
        file,
      ];
      expect(await metricsCommand(argv, c.io), c.err()).toBe(0);
      expect(c.err()).toBe('');
      const written = JSON.parse(await readFile(file, 'utf8')) as Written;
      const series = (name: string) => written.queries.find((q) => q.name === name)!.series;
      expect(
        series('residentMemory')
          .map((s) => s.labels.job)
          .sort(),
      ).toEqual([JOBS.backend, JOBS.aiCore].sort());
      expect(series('requestRate').length).toBeGreaterThan(0);
    });

    test('a job label PromQL cannot hold exits 2 naming the flag', async () => {
      const c = capture();
      expect(
        await metricsCommand(['--prometheus', env.prom.url, '--backend-job', 'a"b'], c.io),
      ).toBe(2);
      expect(c.err()).toContain('invalid option "--backend-job"');
    });
  },
);
