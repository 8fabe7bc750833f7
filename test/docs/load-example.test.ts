// The example of docs/load.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix; // the bundled reference service; point target at your own
beforeAll(async () => {
  service = await startEthix();
});
afterAll(() => service.close());

test('the credit API meets its SLA under a weighted mix', async () => {
  const records = generateCreditRecords(100, { seed: 42 });
  const run = await load({
    target: service.url,
    users: 10, // concurrent connections (closed model)
    duration: '3s', // or requests: 5000
    timeout: '10s', // per request
    headers: { 'x-team': 'credit' },
    scenarios: [
      { name: 'analyze', weight: 60, method: 'POST', path: '/api/analyze', body: { records } },
      {
        name: 'explain',
        weight: 30,
        method: 'POST',
        path: '/api/explain',
        body: () => ({ record: records[0] }),
      },
      { name: 'query', weight: 10, path: '/api/audit?requestId=latest' },
    ],
  });
  expect(run).toHaveP95Below(2000);
  expect(run).toHaveErrorRateBelow(0.01);
  expect(run.scenario('explain')).toHaveP99Below(5000);
  expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
});
// --8<-- [end:spec]
