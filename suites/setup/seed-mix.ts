import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  CapacityOptions,
  Duration,
  JourneyOptions,
  LevelRange,
  ScenarioOptions,
} from '../../src/index.js';

const data = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url)), 'utf8');

/** A payload file's body, read once: `{ "records": [...] }` with 100/500/1000/5000 records. */
export function payload(records: 100 | 500 | 1000 | 5000): string {
  return data(`payload_${records}.json`);
}

const sampleRecord = JSON.parse(data('sample_record.json'));

/**
 * The seed's request mix: analyze 60% (a 100-record payload), explain 30% (one record),
 * queries 10% (the audit lookup of a request id). Each request carries its X-Request-Id.
 */
export function seedMix(): ScenarioOptions[] {
  return [
    {
      name: 'analyze',
      weight: 60,
      method: 'POST',
      path: '/api/analyze',
      body: payload(100),
      headers: { 'content-type': 'application/json' },
    },
    {
      name: 'explain',
      weight: 30,
      method: 'POST',
      path: '/api/explain',
      body: { record: sampleRecord },
    },
    { name: 'query', weight: 10, method: 'GET', path: '/api/audit?requestId=vs-query-probe' },
  ];
}

/** The stress-100 capacity search, with its range, resolution and SLA typed for reading back. */
export interface StressCapacityOptions extends CapacityOptions {
  users: Required<LevelRange>;
  resolution: number;
  sla: { p95: number; errorRate: number };
}

/**
 * The stress-100 suite's capacity search (also run by bench/capacity-reference.ts): 10 to 100 users
 * stepped by 30, bisected to 5 users, under the seed's stress SLA (p95 < 5000 ms, errors < 5%),
 * seedMix() traffic with a 30 s request timeout, at most 6 minutes in all; attribution samples the
 * backend's /metrics and, when `aiCoreUrl` is given, the AI core's.
 */
export function stressCapacityOptions(
  target: string,
  levelDuration: Duration,
  aiCoreUrl?: string,
): StressCapacityOptions {
  return {
    target,
    users: { from: 10, to: 100, step: 30 },
    resolution: 5,
    sla: { p95: 5000, errorRate: 0.05 },
    levelDuration,
    maxWallTime: '6m',
    timeout: '30s',
    scenarios: seedMix(),
    metrics: aiCoreUrl
      ? [{ job: 'backend' }, { job: 'ai-core', url: new URL('/metrics', aiCoreUrl).href }]
      : [{ job: 'backend' }],
  };
}

interface AuditAnswer {
  count?: number;
  records?: Array<{ route?: string }>;
}

/**
 * The seed's mix as journeys, in 90 of them: 60 analyses, 30 explanations, 10 queries, as in
 * seedMix(), but each query now follows a real analysis: 50 journeys analyze, 30 explain, and 10
 * analyze (capturing the report id and the request id), fetch that report (checked to be this
 * analysis's) and then the analysis's audit entry by its request id (checked: exactly one record,
 * route /api/analyze). The user reads the analysis for `readForMs` (give the mean of
 * the suite's think time) before it asks for the report. Audit
 * records are queued before the answer is sent, so the entry is there once the analyze step has
 * its answer.
 */
export function seedJourneys(readForMs: number): JourneyOptions[] {
  const analyze = {
    method: 'POST',
    path: '/api/analyze',
    body: payload(100),
    headers: { 'content-type': 'application/json' },
  };
  return [
    { name: 'analyze', weight: 50, steps: [{ name: 'analyze', ...analyze }] },
    {
      name: 'explain',
      weight: 30,
      steps: [
        { name: 'explain', method: 'POST', path: '/api/explain', body: { record: sampleRecord } },
      ],
    },
    {
      name: 'query',
      weight: 10,
      steps: [
        {
          name: 'query-analyze',
          ...analyze,
          capture: { reportId: { json: '$.reportId' }, analysisId: { json: '$.requestId' } },
          // The mean of the suite's think time: a query journey takes two think cycles, so
          // analyses per think cycle stay at seedMix()'s 60%.
          thinkTime: readForMs,
        },
        {
          name: 'fetch-report',
          path: ({ vars }) => `/api/reports/${String(vars.reportId)}`,
          check: (res, vars) =>
            (res.json as { requestId?: unknown }).requestId === vars.analysisId ||
            'the report is not the analysis just made',
        },
        {
          name: 'audit-of-analysis',
          path: ({ vars }) => `/api/audit?requestId=${encodeURIComponent(String(vars.analysisId))}`,
          check: (res) => {
            const answer = res.json as AuditAnswer;
            if (answer.count !== 1) return `${answer.count} audit records, expected 1`;
            return (
              answer.records?.[0]?.route === '/api/analyze' || 'the record is not of /api/analyze'
            );
          },
        },
      ],
    },
  ];
}
