// The example of docs/capacity.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findCapacity } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix; // the bundled reference service; point target at your own
beforeAll(async () => {
  service = await startEthix();
});
afterAll(() => service.close());

test('how many users does explain sustain under p95 < 2 s?', async () => {
  const [record] = generateCreditRecords(1, { seed: 7 });
  const capacity = await findCapacity({
    target: service.url,
    users: { from: 2, to: 8, step: 3 }, // levels 2, 5, 8, then bisection
    sla: { p95: 2000, errorRate: 0.05 }, // judged with 95% confidence per level
    levelDuration: '2s',
    maxWallTime: '2m',
    scenarios: [{ name: 'explain', method: 'POST', path: '/api/explain', body: { record } }],
  });
  console.log(capacity.outcome, capacity.capacity, capacity.attribution.text);
  expect(capacity.capacity).toBeGreaterThanOrEqual(2);
  expect(capacity.levels[0].lines.map((l) => l.metric)).toEqual(['p95', 'error rate']);
});
// --8<-- [end:spec]
