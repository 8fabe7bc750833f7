import { expect, test } from 'vitest';
import { load } from '../../../../src/load.js';
import { useServer } from '../server.js';

const server = useServer();

let retriedTries = 0;
// Breaches an impossible SLA on its first two attempts, passes on the third.
test('passes on the third attempt', { retry: 2 }, async () => {
  const attempt = retriedTries++;
  const run = await load({ target: `${server.url()}/retry`, users: 1, requests: 10 });
  expect(run).toHaveP95Below(attempt < 2 ? 0.001 : 5000);
});

test('repeated three times', { repeats: 2 }, async () => {
  const run = await load({ target: `${server.url()}/repeat`, users: 1, requests: 10 });
  expect(run).toHaveErrorRateBelow(0.5);
});

let bothTries = 0;
// Each repetition fails its first attempt: attempts restart at 0 in every repetition.
test('repeated and retried', { repeats: 1, retry: 1 }, async () => {
  const fails = bothTries++ % 2 === 0;
  const run = await load({ target: `${server.url()}/both`, users: 1, requests: 10 });
  expect(run).toHaveP95Below(fails ? 0.001 : 5000);
});

test('two load() calls', async () => {
  const first = await load({
    target: `${server.url()}/one`,
    users: 1,
    requests: 10,
    name: 'first',
  });
  const second = await load({
    target: `${server.url()}/two`,
    users: 1,
    requests: 10,
    name: 'second',
  });
  expect(first).toHaveErrorRateBelow(0.5);
  expect(second).toHaveErrorRateBelow(0.5);
});

test.each(['x', 'y'])('each %s', async (path) => {
  const run = await load({ target: `${server.url()}/${path}`, users: 1, requests: 10 });
  expect(run).toHaveErrorRateBelow(0.5);
});

test(`name with <&"'>`, async () => {
  const run = await load({ target: `${server.url()}/name`, users: 1, requests: 10 });
  expect(run).toHaveErrorRateBelow(0.5);
});
