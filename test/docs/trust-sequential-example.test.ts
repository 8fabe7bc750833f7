// The example of docs/trust.md "Stop when decided", run as it is shown there (imports from 'vitest-stress').
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

test('a healthy build stops as soon as its SLAs are decided', async () => {
  const [record] = generateCreditRecords(1, { seed: 7 });
  const run = await load({
    target: service.url,
    users: 4,
    duration: '60s', // the maximum
    until: { p95Below: 2000, errorRateBelow: 0.05, minDuration: '2s' },
    scenarios: [{ name: 'explain', method: 'POST', path: '/api/explain', body: { record } }],
  });
  // Why and when it stopped, and each SLA's verdict with the bounds of the deciding look.
  expect(run.sequential!.stoppedBecause).toBe('decided');
  expect(run.durationMs).toBeLessThan(60_000);
  // The matchers judge the same SLAs with the same sequential verdicts: they agree with the stop.
  expect(run).toHaveP95Below(2000);
  expect(run).toHaveErrorRateBelow(0.05);
});
// --8<-- [end:spec]
