import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateAlerts, type AlertVerdict } from '../../src/metrics/alerts/evaluate.js';
import { alertRulesYaml } from '../../src/metrics/alerts/rule-file.js';
import { seedAlertRules, withForWindows } from '../../src/metrics/alerts/seed-rules.js';
import { loadWithMetrics } from '../../src/metrics/load-with-metrics.js';
import type { RunResultWithMetrics } from '../../src/metrics/with-metrics.js';
import {
  startEthixWithPrometheus,
  type EthixWithPrometheus,
} from '../metrics/prometheus/ethix-prometheus.js';
import { skipWithoutBinary } from '../metrics/prometheus/needs-prometheus.js';

// Three of the seed's critical rules with short windows: a 5 s rate window and a 3 s `for` on
// the error rate. The service gets one analysis slot (1 worker, no queue) and 8 users, so most
// requests are shed with 503: the error-rate rule is breached, p95 and memory are not.
const RULE_NAMES = [
  'EthixErrorRateCritical',
  'EthixP95LatencyCritical',
  'EthixBackendMemoryCritical',
];
const rules = withForWindows(
  seedAlertRules({ window: '5s' }).filter((r) => RULE_NAMES.includes(r.name)),
  (r) => (r.forMs === 0 ? 0 : 3000),
);
const payload = readFileSync(
  new URL('../../fixtures/data/payload_100.json', import.meta.url),
  'utf8',
);

interface PromAlert {
  labels: { alertname: string };
  state: 'pending' | 'firing';
}

describe.skipIf(skipWithoutBinary('prometheus'))(
  'alert rules: real Prometheus and the evaluator agree on one run',
  () => {
    let env: EthixWithPrometheus;
    let run: RunResultWithMetrics;
    const seenStates = new Map<string, Set<string>>();

    beforeAll(async () => {
      env = await startEthixWithPrometheus({
        rules: alertRulesYaml(rules),
        ethix: { workers: 1, queueLimit: 0 },
      });
      let loading = true;
      // Poll /api/v1/alerts while the load runs (firing alerts resolve, and vanish, once it stops).
      const poll = (async () => {
        while (loading) {
          const body = (await (await fetch(`${env.prom.url}/api/v1/alerts`)).json()) as {
            data: { alerts: PromAlert[] };
          };
          for (const alert of body.data.alerts) {
            const states = seenStates.get(alert.labels.alertname) ?? new Set<string>();
            states.add(alert.state);
            seenStates.set(alert.labels.alertname, states);
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      try {
        run = await loadWithMetrics({
          target: env.ethix.url,
          users: 8,
          duration: '12s',
          scenarios: [
            {
              name: 'analyze',
              method: 'POST',
              path: '/api/analyze',
              body: payload,
              headers: { 'content-type': 'application/json' },
            },
          ],
        });
      } finally {
        loading = false;
        await poll;
      }
    }, 120_000);
    afterAll(() => env?.close());

    const fired = (verdicts: AlertVerdict[]) =>
      verdicts.filter((v) => v.status === 'fired').map((v) => v.rule.name);

    test('the load breached the error-rate rule and only it', () => {
      expect(run.errorRate).toBeGreaterThan(0.15);
      const verdicts = evaluateAlerts(run, rules, { profile: 'full' });
      expect(verdicts.map((v) => [v.rule.name, v.status])).toEqual([
        ['EthixErrorRateCritical', 'fired'],
        ['EthixP95LatencyCritical', 'ok'],
        ['EthixBackendMemoryCritical', 'ok'],
      ]);
    });

    test('the alerts Prometheus reported firing at /api/v1/alerts are the ones the evaluator says fired', () => {
      const firingInPrometheus = [...seenStates]
        .filter(([, states]) => states.has('firing'))
        .map(([name]) => name)
        .sort();
      expect(firingInPrometheus).toEqual(
        fired(evaluateAlerts(run, rules, { profile: 'full' })).sort(),
      );
      expect(firingInPrometheus).toEqual(['EthixErrorRateCritical']);
      // Prometheus walked it through pending first, as the evaluator did.
      expect([...seenStates.get('EthixErrorRateCritical')!].sort()).toEqual(['firing', 'pending']);
    });

    test('Prometheus fires within 4 s of the evaluator (scrape, rate and evaluation lag)', async () => {
      const [verdict] = evaluateAlerts(run, rules, { profile: 'full' });
      const firingAtMs =
        Date.parse(run.startedAt) +
        verdict.episodes.find((e) => e.firingAtS !== undefined)!.firingAtS! * 1000;
      const params = new URLSearchParams({
        query: 'ALERTS{alertname="EthixErrorRateCritical",alertstate="firing"}',
        start: String(Date.parse(run.startedAt) / 1000 - 5),
        end: String(Date.now() / 1000),
        step: '1',
      });
      const body = (await (await fetch(`${env.prom.url}/api/v1/query_range?${params}`)).json()) as {
        data: { result: Array<{ values: Array<[number, string]> }> };
      };
      const promFiringAtMs = body.data.result[0].values[0][0] * 1000;
      console.log(
        `[alerts e2e] evaluator fired at ${verdict.episodes[0].firingAtS} s; Prometheus ` +
          `${((promFiringAtMs - Date.parse(run.startedAt)) / 1000).toFixed(1)} s after the run started`,
      );
      expect(Math.abs(promFiringAtMs - firingAtMs)).toBeLessThanOrEqual(4000);
    });

    test('toFireNoAlerts fails for the run, naming the rule', () => {
      expect(() => expect(run).toFireNoAlerts(rules, { profile: 'full' })).toThrow(
        /✗ EthixErrorRateCritical \(critical, .*\): fired at \d+ s for \d+ s/,
      );
    });
  },
);
