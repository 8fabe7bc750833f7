// The example of docs/trust.md "A/B rounds in one job", run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compareTargets } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

// In CI these are two deployments of the same job: main's build and the PR's build.
let main: Ethix;
let pr: Ethix;
beforeAll(async () => {
  [main, pr] = await Promise.all([startEthix({ workers: 1 }), startEthix({ workers: 1 })]);
});
afterAll(() => Promise.all([main.close(), pr.close()]));

test('the PR does not slow down /api/explain', async () => {
  const [record] = generateCreditRecords(1, { seed: 7 });
  const ab = await compareTargets({
    baseline: main.url,
    candidate: pr.url,
    rounds: 4, // paired rounds: A B, B A, A B, B A
    warmup: '500ms', // both targets, discarded
    users: 4, // every load() option applies to each run
    duration: '1s', // per run: the comparison takes 2 × rounds × duration
    scenarios: [{ name: 'explain', method: 'POST', path: '/api/explain', body: { record } }],
  });
  expect(ab.order).toBe('ABBAABBA');
  expect(ab).toShowNoRegression({ p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' });
});
// --8<-- [end:spec]
