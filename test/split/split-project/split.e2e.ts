// --8<-- [start:spec]
import { expect, test } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { load } from '../../../src/index.js';

// Every runner runs this same spec with STRESS_SPLIT=<i>/<n>: load() drives 1/n of the users and
// requests. The thresholds are meant for the whole load: on a split they are recorded as
// provisional (the test does not fail on them) and `vitest-stress merge` judges them.
test('checkout under load', async () => {
  const run = await load({ target: process.env.TARGET_URL!, users: 6, requests: 600 });
  expect(run).toHaveErrorRateBelow(0.05);
  expect(run).toHaveP99Below(5000);
  // Optional: keep this split's per-request ledger (ids start with s<i>-, unique across splits).
  if (process.env.LEDGER_OUT) await writeFile(process.env.LEDGER_OUT, JSON.stringify(run.ledger));
});
// --8<-- [end:spec]
