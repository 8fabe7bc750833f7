import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { MemoryAuditStore } from '../../../fixtures/ethix-service/index.js';
import { dashboardCommand } from '../../../src/cli/dashboard.js';
import { ethixDashboard } from '../../../src/metrics/dashboard/build-dashboard.js';
import type { GrafanaDashboard } from '../../../src/metrics/dashboard/model.js';
import { load } from '../../../src/load.js';
import {
  startEthixWithPrometheus,
  promQuery,
  sampleRecord,
  type EthixWithPrometheus,
} from '../prometheus/ethix-prometheus.js';
import { skipWithoutBinary } from '../prometheus/needs-prometheus.js';

/** Grafana unit ids the panels may use (Grafana's standard units). */
const GRAFANA_UNITS = new Set([
  'reqps',
  's',
  'ms',
  'percentunit',
  'percent',
  'bytes',
  'decbytes',
  'short',
  'none',
]);

/** Checks against Grafana's classic dashboard model; returns the problems found. */
function modelProblems(d: GrafanaDashboard): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(d.schemaVersion) || d.schemaVersion < 36)
    problems.push(`schemaVersion ${d.schemaVersion}`);
  const ds = d.templating.list.find((v) => v.type === 'datasource' && v.query === 'prometheus');
  if (!ds) problems.push('no Prometheus datasource variable');
  const ids = new Set<number>();
  for (const p of d.panels) {
    if (ids.has(p.id)) problems.push(`duplicate panel id ${p.id}`);
    ids.add(p.id);
    const { x, y, w, h } = p.gridPos;
    if (![x, y, w, h].every(Number.isInteger) || x < 0 || y < 0 || w < 1 || h < 1 || x + w > 24)
      problems.push(`panel ${p.title}: gridPos ${JSON.stringify(p.gridPos)}`);
    if (!GRAFANA_UNITS.has(p.fieldConfig.defaults.unit))
      problems.push(`panel ${p.title}: unit ${p.fieldConfig.defaults.unit}`);
    if (p.datasource.uid !== `\${${ds?.name}}`)
      problems.push(`panel ${p.title}: datasource ${p.datasource.uid}`);
    if (p.targets.length === 0) problems.push(`panel ${p.title}: no targets`);
    const refIds = new Set(p.targets.map((t) => t.refId));
    if (refIds.size !== p.targets.length) problems.push(`panel ${p.title}: duplicate refId`);
    for (const t of p.targets)
      if (!t.expr.trim() || t.datasource.uid !== p.datasource.uid)
        problems.push(`panel ${p.title}: target ${t.refId}`);
  }
  for (const [i, a] of d.panels.entries()) {
    for (const b of d.panels.slice(i + 1)) {
      const overlap =
        a.gridPos.x < b.gridPos.x + b.gridPos.w &&
        b.gridPos.x < a.gridPos.x + a.gridPos.w &&
        a.gridPos.y < b.gridPos.y + b.gridPos.h &&
        b.gridPos.y < a.gridPos.y + a.gridPos.h;
      if (overlap) problems.push(`panels ${a.title} and ${b.title} overlap`);
    }
  }
  return problems;
}

describe('ethixDashboard', () => {
  const dashboard = ethixDashboard();

  test("fits Grafana's dashboard model: schemaVersion, datasource variable, units, targets, no gridPos overlap", () => {
    expect(modelProblems(dashboard)).toEqual([]);
  });

  test('the checks catch overlapping panels and missing units (they can fail)', () => {
    const broken = structuredClone(dashboard);
    broken.panels[1].gridPos.x = 6;
    broken.panels[2].fieldConfig.defaults.unit = '';
    expect(modelProblems(broken)).toEqual([
      'panel Error rate: unit ',
      `panels Request rate and p95 latency overlap`,
    ]);
  });

  test("the seed's panels with their units, CPU and memory one series per job", () => {
    expect(dashboard.panels.map((p) => [p.title, p.fieldConfig.defaults.unit])).toEqual([
      ['Request rate', 'reqps'],
      ['p95 latency', 's'],
      ['Error rate', 'percentunit'],
      ['CPU', 'percentunit'],
      ['Memory (resident)', 'bytes'],
      ['MongoDB connections', 'short'],
      ['Answers by status code', 'reqps'],
    ]);
    const cpu = dashboard.panels[3].targets[0];
    expect(cpu.legendFormat).toBe('{{job}}');
    expect(cpu.expr).toBe(
      'rate(process_cpu_seconds_total{job=~"ethix-backend|ethix-ai-core"}[$__rate_interval])',
    );
  });

  test('vitest-stress dashboard prints the same JSON; bad flags exit 2', async () => {
    let out = '';
    const io = {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
    };
    expect(await dashboardCommand([], io)).toBe(0);
    expect(JSON.parse(out)).toEqual(dashboard);
    expect(await dashboardCommand(['--backend-job', 'a b'], io)).toBe(2);
    expect(await dashboardCommand(['--nope'], io)).toBe(2);
  });
});

describe.skipIf(skipWithoutBinary('prometheus'))(
  "every panel's PromQL against the real Prometheus scraping the reference service",
  () => {
    let env: EthixWithPrometheus;
    beforeAll(async () => {
      // No mongod here: a store that reports itself as MongoDB with a pool of 3 makes the pool metric exist.
      const mongoLike = Object.assign(new MemoryAuditStore('MongoDB stand-in'), {
        kind: 'mongodb' as const,
        poolConnections: () => 3,
      });
      env = await startEthixWithPrometheus({ ethix: { auditStore: mongoLike } });
      await load({
        target: env.ethix.url,
        users: 2,
        duration: '4s',
        scenarios: [
          { name: 'explain', method: 'POST', path: '/api/explain', body: { record: sampleRecord } },
        ],
      });
    }, 120_000);
    afterAll(() => env?.close());

    test.each(
      ethixDashboard({ window: '15s' }).panels.map(
        (p) => [p.title, p.targets[0].expr, p.targets[0].legendFormat] as const,
      ),
    )('%s: parses and returns series', async (_title, expr, legend) => {
      await vi.waitFor(
        async () => {
          const result = await promQuery(env.prom.url, expr);
          expect(result.length).toBeGreaterThan(0);
          if (legend === '{{job}}')
            expect(result.map((r) => r.metric.job).sort()).toEqual([
              'ethix-ai-core',
              'ethix-backend',
            ]);
        },
        { timeout: 20_000, interval: 500 },
      );
    });
  },
);
