import { describe, expect, test, vi } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();
const started = new Set<string>();
// The first test of each pair waits until its partner has started: it proves the pair runs
// concurrently, and Vitest's global current test then names the partner, not this test.
const partnerStarted = (name: string) => vi.waitFor(() => expect(started.has(name)).toBe(true));

// Thresholds differ per test (5001, 5002, ...) so each verdict says which test judged it.
describe.concurrent('context expect', () => {
  test('slow one', async ({ expect }) => {
    await partnerStarted('fast one');
    const run = await load({ target: `${server.url()}/slow`, users: 2, requests: 20 });
    expect(run).toHaveP95Below(5001);
  });
  test('fast one', async ({ expect }) => {
    started.add('fast one');
    const run = await load({ target: `${server.url()}/fast`, users: 2, requests: 20 });
    expect(run).toHaveP95Below(5002);
  });
});

test.concurrent('concurrent A', async () => {
  await partnerStarted('concurrent B');
  const run = await load({ target: `${server.url()}/slow-a`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5003);
});

test.concurrent('concurrent B', async () => {
  started.add('concurrent B');
  const run = await load({ target: `${server.url()}/b`, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5004);
});
