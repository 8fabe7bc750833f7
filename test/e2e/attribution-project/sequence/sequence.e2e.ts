import { expect, test, vi } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();
let fastStarted = false;

// sequence.concurrent in the config: these run at once, with the global expect.
test('sequence slow', async () => {
  // Waits for its partner: proves the two run concurrently (and makes the global current test wrong).
  await vi.waitFor(() => expect(fastStarted).toBe(true));
  const run = await load({ target: `${server.url()}/slow-seq`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5005);
});

test('sequence fast', async () => {
  fastStarted = true;
  const run = await load({ target: `${server.url()}/fast-seq`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5006);
});
