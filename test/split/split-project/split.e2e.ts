import { join } from 'node:path';
import { expect, test } from 'vitest';
import { load } from '../../../src/load.js';
import { writeFileAtomic } from '../../../src/output/atomic-write.js';

// One scenario as each split runs it: STRESS_SPLIT=i/3 gives this process a third of the users and
// requests. The whole load is meant to stay under 5% errors; split 3's upstream answers 503 to
// every other request, so only the merged run breaches that (split 3's check is provisional).
test('checkout under load', async () => {
  const run = await load({ target: process.env.VS_SPLIT_TARGET!, users: 6, requests: 600, seed: 11 });
  await writeFileAtomic(join(process.env.VS_SPLIT_OUT!, 'ledger.json'), JSON.stringify(run.ledger));
  expect(run).toHaveErrorRateBelow(0.05);
  expect(run).toHaveP99Below(5000);
});
