import { expect, test } from 'vitest';
import { load } from '../../../src/load.js';

// VS_HISTORY_TARGET: the parent's server, with this point's delay in the path.
test('checkout', async () => {
  const run = await load({
    target: process.env.VS_HISTORY_TARGET as string,
    users: 2,
    duration: '1s',
  });
  expect(run).toHaveErrorRateBelow(0.01);
});
