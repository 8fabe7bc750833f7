import { describe, expect, test, vi } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();
let fastStarted = false;

// No scope hook: the explicit form (test context + its expect) is exact.
describe.concurrent('explicit', () => {
  test('explicit slow', async (context) => {
    await vi.waitFor(() => expect(fastStarted).toBe(true));
    const run = await load({
      target: `${server.url()}/slow-explicit`,
      users: 2,
      requests: 20,
      test: context,
    });
    context.expect(run).toHaveP95Below(5007);
  });
  test('explicit fast', async (context) => {
    fastStarted = true;
    const run = await load({
      target: `${server.url()}/fast-explicit`,
      users: 2,
      requests: 20,
      test: context,
    });
    context.expect(run).toHaveP95Below(5008);
  });
});

// No scope hook, nothing explicit: vitest-stress must warn, naming the test.
test.concurrent('guessed C', async () => {
  const run = await load({ target: `${server.url()}/slow-c`, users: 2, requests: 20 });
  expect(run).toHaveErrorRateBelow(0.5);
});
test.concurrent('guessed D', async () => {
  await load({ target: `${server.url()}/d`, users: 2, requests: 20 });
});
