import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { metricsCommand } from '../../src/cli/metrics.js';
import { load } from '../../src/load.js';
import { freeLoopbackPort } from '../../src/metrics/prometheus/free-port.js';
import { seedQuery } from '../../src/metrics/prometheus/queries.js';
import {
  startEthixWithPrometheus,
  sampleRecord,
  type EthixWithPrometheus,
} from '../metrics/prometheus/ethix-prometheus.js';
import { skipWithoutBinary } from '../metrics/prometheus/needs-prometheus.js';
import { capture } from '../helpers/capture-io.js';

type Matrix = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

/** Prometheus' own answer to a range query. */
async function promRange(
  promUrl: string,
  expr: string,
  startS: number,
  endS: number,
  stepS: number,
): Promise<Matrix> {
  const params = new URLSearchParams({
    query: expr,
    start: String(startS),
    end: String(endS),
    step: String(stepS),
  });
  const body = (await (await fetch(`${promUrl}/api/v1/query_range?${params}`)).json()) as {
    data: { result: Matrix };
  };
  return body.data.result;
}

function labelKey(metric: Record<string, string>): string {
  return `{${Object.keys(metric)
    .sort()
    .map((k) => `${k}=${JSON.stringify(metric[k])}`)
    .join(',')}}`;
}

describe('vitest-stress metrics: flags', () => {
  test.each([
    [['--mode', 'range', '--since', '1m']],
    [['--prometheus', 'http://127.0.0.1:9', '--output', 'm.txt']],
    [['--prometheus', 'http://127.0.0.1:9', '--mode', 'sideways']],
    [['--prometheus', 'http://127.0.0.1:9', '--query', 'p99']],
    [['--prometheus', 'http://127.0.0.1:9', '--expr', 'noequals']],
    [
      [
        '--prometheus',
        'http://127.0.0.1:9',
        '--mode',
        'range',
        '--since',
        '10m',
        '--start',
        '2026-11-30T10:00:00Z',
      ],
    ],
    [['--prometheus', 'http://127.0.0.1:9', '--bogus']],
  ])('%j exits 2 with the usage', async (argv) => {
    const c = capture();
    expect(await metricsCommand(argv, c.io)).toBe(2);
    expect(c.err()).toContain('usage: vitest-stress metrics');
  });

  test('messages name the flag, not the library option', async () => {
    const c = capture();
    expect(
      await metricsCommand(
        ['--prometheus', 'http://127.0.0.1:9', '--mode', 'range', '--step', '5s'],
        c.io,
      ),
    ).toBe(2);
    expect(c.err()).toContain(
      'invalid option "--start": got undefined, expected a start time (or since)',
    );
  });

  test('an unreachable Prometheus exits 1 naming the query', async () => {
    const c = capture();
    const port = await freeLoopbackPort();
    expect(
      await metricsCommand(
        ['--prometheus', `http://127.0.0.1:${port}`, '--query', 'errorRate'],
        c.io,
      ),
    ).toBe(1);
    expect(c.err()).toMatch(/ERR_STRESS_PROMETHEUS_UNREACHABLE: Prometheus query "errorRate"/);
  });
});

describe.skipIf(skipWithoutBinary('prometheus'))(
  'vitest-stress metrics against the real Prometheus scraping the reference service',
  () => {
    let env: EthixWithPrometheus;
    let startS: number;
    let endS: number;
    const userExpr = 'sum by (job) (up)';
    beforeAll(async () => {
      env = await startEthixWithPrometheus();
      startS = Math.floor(Date.now() / 1000);
      await load({
        target: env.ethix.url,
        users: 2,
        duration: '4s',
        scenarios: [
          { name: 'explain', method: 'POST', path: '/api/explain', body: { record: sampleRecord } },
        ],
      });
      const rate = seedQuery('requestRate')!.expr;
      // Two seconds back from now (every sample at or before `end` is ingested), once the range holds 3+ rate points.
      await vi.waitFor(
        async () => {
          endS = Math.floor(Date.now() / 1000) - 2;
          const points = (await promRange(env.prom.url, rate, startS, endS, 1))[0]?.values ?? [];
          expect(points.length).toBeGreaterThanOrEqual(3);
        },
        { timeout: 20_000, interval: 500 },
      );
    }, 120_000);
    afterAll(() => env?.close());

    const argv = (output: string) => [
      '--prometheus',
      env.prom.url,
      '--mode',
      'range',
      '--start',
      String(startS),
      '--end',
      String(endS),
      '--step',
      '1s',
      '--query',
      'requestRate',
      '--query',
      'residentMemory',
      '--expr',
      `upByJob=${userExpr}`,
      '--output',
      output,
    ];

    test('the JSON holds the series and points Prometheus answers for the same query and range', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'vs-metrics-')), 'metrics.json');
      const c = capture();
      expect(await metricsCommand(argv(file), c.io)).toBe(0);
      const written = JSON.parse(await readFile(file, 'utf8'));
      expect(written).toMatchObject({
        kind: 'vitest-stress/prometheus',
        mode: 'range',
        stepS: 1,
        start: new Date(startS * 1000).toISOString(),
      });
      const exprs = [seedQuery('requestRate')!.expr, seedQuery('residentMemory')!.expr, userExpr];
      expect(written.queries.map((q: { name: string }) => q.name)).toEqual([
        'requestRate',
        'residentMemory',
        'upByJob',
      ]);
      for (const [i, expr] of exprs.entries()) {
        const own = await promRange(env.prom.url, expr, startS, endS, 1);
        expect(own.length).toBeGreaterThan(0);
        const mine = written.queries[i].series.map(
          (s: {
            labels: Record<string, string>;
            points: Array<{ tS: number; value: number | string }>;
          }) => ({
            metric: s.labels,
            values: s.points.map((p) => [p.tS, String(p.value)]),
          }),
        );
        expect(mine).toEqual(own);
      }
      expect(
        written.queries[1].series.map((s: { labels: { job: string } }) => s.labels.job).sort(),
      ).toEqual(['ethix-ai-core', 'ethix-backend']);
    });

    test("the CSV written has one row per timestamp and series, equal to Prometheus' answer", async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'vs-metrics-')), 'metrics.csv');
      expect(await metricsCommand(argv(file), capture().io)).toBe(0);
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      expect(lines[0]).toBe('query,series,unix_time,time,value');
      const expected: string[] = [];
      const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      for (const [name, expr] of [
        ['requestRate', seedQuery('requestRate')!.expr],
        ['residentMemory', seedQuery('residentMemory')!.expr],
        ['upByJob', userExpr],
      ]) {
        for (const series of await promRange(env.prom.url, expr, startS, endS, 1)) {
          for (const [t, v] of series.values)
            expected.push(
              [
                name,
                csv(labelKey(series.metric)),
                String(t),
                new Date(t * 1000).toISOString(),
                v,
              ].join(','),
            );
        }
      }
      expect(lines.slice(1)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    });
  },
);
