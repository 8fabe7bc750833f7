// The example of docs/measure.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { expect, test } from 'vitest';
import { measure } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';

const records = generateCreditRecords(1000, { seed: 42 });

test('serialising a 1000-record payload stays fast', async () => {
  const run = await measure(() => JSON.stringify({ records }), { duration: '1s' });
  expect(run).toHaveP95Below(200); // ms per call
  expect(run).toHaveThroughputAbove(5); // calls per second
  expect(run).toHaveErrorRateBelow(0.01);
});
// --8<-- [end:spec]
