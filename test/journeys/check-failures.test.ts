import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

// A step's check and capture failures are recorded apart where the step fails (run.steps[s]
// .checkFailures), so reports need not tell them from HTTP or network failures by their wording.

let server: FixtureServer;
let payRequests = 0;
beforeAll(async () => {
  server = await startServer((req, res) => {
    // Every third payment answers 500: an HTTP failure, not a check failure.
    if (req.url === '/pay') res.statusCode = ++payRequests % 3 === 0 ? 500 : 200;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ paid: false }));
  });
});
afterAll(() => server.close());

describe('run.steps[s].checkFailures', () => {
  test('counts the failures by check or capture, by reason; HTTP failures and passing steps have none', async () => {
    const run = await load({
      target: server.url,
      users: 2,
      duration: 300,
      progress: false,
      journeys: [
        {
          name: 'buy',
          steps: [
            { name: 'home', path: '/' },
            { name: 'pay', path: '/pay', check: { json: { '$.paid': true } } },
          ],
        },
        { name: 'browse', steps: [{ name: 'look', path: '/', capture: { x: { json: '$.x' } } }] },
      ],
    });
    const { home, pay, look } = run.steps!;
    expect(pay.requests.httpErrors).toBeGreaterThan(0);
    expect(pay.checkFailures).toEqual([
      {
        message: 'check failed: $.paid is false, expected true',
        count: pay.requests.failed - pay.requests.httpErrors,
      },
    ]);
    expect(pay.checkFailures![0].count).toBeGreaterThan(0);
    expect(look.checkFailures).toEqual([
      { message: "capture 'x' found nothing", count: look.requests.failed },
    ]);
    expect(look.requests.failed).toBeGreaterThan(0);
    expect(home.checkFailures).toEqual([]);
  });
});
