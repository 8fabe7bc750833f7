// The example of docs/observability.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateCreditRecords } from '../../src/data/index.js';
import {
  ALERT_METRIC_NAMES,
  loadWithMetrics,
  DEFAULT_METRIC_NAMES,
  alertRulesYaml,
  collectMetrics,
  findBinary,
  seedAlertRules,
  startPrometheus,
  type RunningPrometheus,
} from '../../src/metrics/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

const rules = seedAlertRules().filter((rule) => !rule.name.includes('Mongo')); // no MongoDB audit store here
let service: Ethix;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  service = await startEthix({ auditStore: 'memory' });
  if (!findBinary('prometheus')) return; // apt-get install -y prometheus
  prometheus = await startPrometheus({
    targets: [
      { job: 'ethix-backend', url: `${service.url}/metrics` },
      { job: 'ethix-ai-core', url: `${service.aiCoreUrl}/metrics` },
    ],
    rules: alertRulesYaml(rules), // Prometheus evaluates the same rules
  });
});
afterAll(async () => {
  await prometheus?.stop(); // SIGTERM by PID, temp storage removed
  await service.close();
});

test('no alert rule fires, and Prometheus saw the run', async () => {
  const run = await loadWithMetrics(
    {
      target: service.url,
      users: 4,
      duration: '5s',
      scenarios: [
        {
          name: 'explain',
          method: 'POST',
          path: '/api/explain',
          body: { record: generateCreditRecords(1)[0] },
        },
      ],
    },
    { names: [...DEFAULT_METRIC_NAMES, ...ALERT_METRIC_NAMES] }, // memory and CPU for the rules
  );
  expect(run).toFireNoAlerts(rules); // `for` windows scaled with STRESS_PROFILE

  if (!prometheus) return;
  const collected = await collectMetrics({
    prometheusUrl: prometheus.url,
    queries: ['requestRate', 'residentMemory', { name: 'up', expr: 'sum by (job) (up)' }],
    mode: 'range',
    start: new Date(run.startedAt),
    end: new Date(),
    step: '1s',
  });
  const memory = collected.queries.find((q) => q.name === 'residentMemory')!;
  expect(memory.series.map((s) => s.labels.job).sort()).toEqual(['ethix-ai-core', 'ethix-backend']);
});
// --8<-- [end:spec]
