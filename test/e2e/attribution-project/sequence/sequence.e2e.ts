import { expect, test } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();

// sequence.concurrent in the config: these run at once, with the global expect.
test('sequence slow', async () => {
  const run = await load({ target: `${server.url()}/slow-seq`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5005);
});

test('sequence fast', async () => {
  const run = await load({ target: `${server.url()}/fast-seq`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5006);
});
