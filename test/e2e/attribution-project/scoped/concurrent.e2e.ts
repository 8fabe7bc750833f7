import { describe, expect, test } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();

// Thresholds differ per test (5001, 5002, ...) so each verdict says which test judged it.
describe.concurrent('context expect', () => {
  test('slow one', async ({ expect }) => {
    const run = await load({ target: `${server.url()}/slow`, users: 2, requests: 20 });
    expect(run).toHaveP95Below(5001);
  });
  test('fast one', async ({ expect }) => {
    const run = await load({ target: `${server.url()}/fast`, users: 2, requests: 20 });
    expect(run).toHaveP95Below(5002);
  });
});

test.concurrent('concurrent A', async () => {
  const run = await load({ target: `${server.url()}/slow-a`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5003);
});

test.concurrent('concurrent B', async () => {
  const run = await load({ target: `${server.url()}/b`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5004);
});
