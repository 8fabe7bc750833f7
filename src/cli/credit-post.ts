import { generateCreditRecords } from '../data/index.js';
import type { ScenarioOptions } from '../options/load-options.js';

/**
 * The one request the `run` and `chaos` commands send (the seed's stress_test.py): a POST to
 * `endpoint` of `payloadSize` synthetic credit records drawn with `seed`, as JSON.
 */
export function creditPostScenario(
  endpoint: string,
  payloadSize: number,
  seed: number,
): ScenarioOptions {
  const body = JSON.stringify({ records: generateCreditRecords(payloadSize, { seed }) });
  return {
    name: `POST ${endpoint}`,
    method: 'POST',
    path: endpoint,
    body,
    headers: { 'content-type': 'application/json' },
  };
}
