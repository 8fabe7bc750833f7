import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioOptions } from '../../src/index.js';

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
