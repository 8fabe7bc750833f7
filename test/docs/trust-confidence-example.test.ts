// The example of docs/trust.md "Verdicts with confidence", run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix;
beforeAll(async () => {
  service = await startEthix({ workers: 1 });
});
afterAll(() => service.close());

test('p95 and error rate judged with 95% confidence', async () => {
  const [record] = generateCreditRecords(1, { seed: 7 });
  const run = await load({
    target: service.url,
    users: 4,
    duration: '2s',
    scenarios: [{ name: 'explain', method: 'POST', path: '/api/explain', body: { record } }],
  });
  // Every percentile in the result has distribution-free bounds (each one-sided at 95%).
  const p95 = run.intervals!.p95;
  expect(p95.lowMs!).toBeLessThanOrEqual(run.latency.p95!);
  expect(p95.minSamples).toBe(59); // fewer answers than this: no upper bound
  // pass when the upper bound is below 2 s, fail when the lower bound is at or above it,
  // inconclusive otherwise (shown in the reports; fails only with inconclusive: 'fail').
  expect(run).toHaveP95Below(2000, { confidence: 0.95 });
  expect(run).toHaveErrorRateBelow(0.05, { confidence: 0.95, inconclusive: 'pass' });
});
// --8<-- [end:spec]
