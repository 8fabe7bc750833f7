import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import type { JourneyOptions } from '../../src/contracts/journeys.js';
import { startShopServer, type ShopServer } from './shop-server.js';
import { arrayFeeder } from './array-feeder.js';

let shop: ShopServer;
beforeAll(async () => {
  shop = await startShopServer();
});
afterAll(() => shop.close());

const checkout = (extra: Partial<JourneyOptions> = {}): JourneyOptions => ({
  name: 'checkout',
  init: ({ userIndex }) => ({ user: `u${userIndex}` }),
  steps: [
    {
      name: 'login',
      method: 'POST',
      path: '/login',
      body: ({ vars }) => ({ user: vars.user }),
      capture: { token: { json: '$.token' }, loginStatus: { status: true } },
    },
    {
      name: 'create',
      method: 'POST',
      path: '/orders',
      headers: ({ vars }) => ({ authorization: `Bearer ${String(vars.token)}` }),
      body: { item: 'book' },
      check: { status: 201, json: { '$.total': 3 } },
      capture: {
        orderId: (response) => (response.json as { id: string }).id,
        where: { header: 'Location' },
      },
    },
    {
      name: 'fetch',
      path: ({ vars }) => String(vars.where),
      check: (response, vars) =>
        (response.json as { id: string }).id === vars.orderId || 'wrong order',
    },
  ],
  ...extra,
});

describe('journeys (closed model)', () => {
  test('captures a token, a header and a body value; the jar keeps the session; counts match', async () => {
    shop.counts.clear();
    const run = await load({ target: shop.url, users: 3, duration: 600, journeys: [checkout()] });
    const steps = run.steps!;
    const journey = run.journeys!.checkout;
    expect(journey.started).toBeGreaterThan(3);
    expect(journey.failed).toBe(0);
    expect(journey.completed + journey.cancelled).toBe(journey.started);
    expect(steps.fetch.requests.ok).toBeGreaterThan(0);
    expect(steps.fetch.requests.failed).toBe(0);
    for (const [step, route] of [
      ['login', 'POST /login'],
      ['create', 'POST /orders'],
      ['fetch', 'GET /orders/:id'],
    ] as const) {
      const r = steps[step].requests;
      expect(r.total).toBe(r.ok + r.failed + r.cancelled);
      expect(r.total).toBe(shop.counts.get(route));
      expect(steps[step].skipped).toBe(0);
    }
    expect(journey.latency.count).toBe(journey.completed);
  });

  test('each step request carries its own id; the ledger links the steps of one iteration', async () => {
    shop.ids.clear();
    const run = await load({ target: shop.url, users: 1, duration: 300, journeys: [checkout()] });
    const done = run.ledger.filter((e) => e.scenario === 'fetch' && e.outcome === 'ok');
    expect(done.length).toBeGreaterThan(0);
    const first = done[0];
    const sameIteration = run.ledger
      .filter((e) => e.journeyId === first.journeyId)
      .map((e) => e.scenario);
    expect(sameIteration.sort()).toEqual(['create', 'fetch', 'login']);
    expect(first.journey).toBe('checkout');
    const ids = run.ledger.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(shop.ids.get('GET /orders/:id')).toContain(first.id);
  });

  test('a failed check fails that step, names it, and counts the rest as skipped', async () => {
    shop.failOrdersWith = 0;
    const journey = checkout();
    journey.steps[1] = { ...journey.steps[1], check: { status: 200 } };
    const run = await load({ target: shop.url, users: 2, duration: 400, journeys: [journey] });
    const figures = run.journeys!.checkout;
    expect(figures.completed).toBe(0);
    expect(figures.failed).toBeGreaterThan(0);
    expect(figures.failedAt).toEqual({ create: figures.failed });
    expect(figures.skippedSteps).toEqual({ fetch: figures.failed });
    expect(run.steps!.fetch.requests.total).toBe(0);
    expect(run.steps!.fetch.skipped).toBe(figures.failed);
    expect(run.steps!.create.errors[0].message).toBe('check failed: status 201 is not 200');
    expect(figures.errors[0].message).toBe('create: check failed: status 201 is not 200');
  });

  test('an HTTP error or a capture that finds nothing fails the step', async () => {
    const journey = checkout();
    journey.steps[0] = { ...journey.steps[0], capture: { token: { json: '$.missing' } } };
    const run = await load({ target: shop.url, users: 1, duration: 200, journeys: [journey] });
    expect(run.journeys!.checkout.failedAt).toEqual({ login: run.journeys!.checkout.failed });
    expect(run.steps!.login.errors[0].message).toBe("capture 'token' found nothing");
    expect(run.steps!.create.skipped).toBe(run.journeys!.checkout.failed);

    shop.failOrdersWith = 503;
    try {
      const failing = await load({
        target: shop.url,
        users: 1,
        duration: 200,
        journeys: [checkout()],
      });
      expect(failing.steps!.create.statusCodes['503']).toBe(
        failing.steps!.create.requests.httpErrors,
      );
      expect(failing.journeys!.checkout.errors[0].message).toBe('create: HTTP 503');
    } finally {
      shop.failOrdersWith = 0;
    }
  });

  test('without the cookie jar the session is lost and the fetch fails', async () => {
    const run = await load({
      target: shop.url,
      users: 1,
      duration: 200,
      journeys: [checkout({ cookies: false })],
    });
    expect(run.journeys!.checkout.failedAt).toEqual({ fetch: run.journeys!.checkout.failed });
    expect(run.steps!.fetch.statusCodes['401']).toBeGreaterThan(0);
  });

  test('weights mix journeys; a feeder hands each row once and an exhausted feeder stops the journey', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ user: `row${i}` }));
    const feeder = arrayFeeder(rows);
    const users: string[] = [];
    const fed = checkout({ name: 'fed', feeder });
    fed.steps = [
      { ...fed.steps[0], body: ({ vars }) => (users.push(String(vars.user)), { user: vars.user }) },
    ];
    const run = await load({ target: shop.url, users: 2, duration: 400, seed: 3, journeys: [fed] });
    expect(users.sort()).toEqual(rows.map((r) => r.user).sort());
    expect(run.journeys!.fed.started).toBe(5);
    expect(run.journeys!.fed.notStarted).toBe(2);

    const mixed = await load({
      target: shop.url,
      users: 2,
      duration: 500,
      seed: 5,
      journeys: [
        { name: 'heavy', weight: 3, steps: [{ name: 'a', method: 'POST', path: '/login' }] },
        { name: 'light', weight: 1, steps: [{ name: 'b', method: 'POST', path: '/login' }] },
      ],
    });
    const heavy = mixed.journeys!.heavy.started;
    const light = mixed.journeys!.light.started;
    expect(heavy / (heavy + light)).toBeGreaterThan(0.6);
    expect(heavy / (heavy + light)).toBeLessThan(0.9);
  });

  test('user-named keys: a step or journey named __proto__ or constructor is an ordinary key', async () => {
    const run = await load({
      target: shop.url,
      users: 1,
      duration: 200,
      journeys: [
        {
          name: '__proto__',
          steps: [
            {
              name: 'constructor',
              method: 'POST',
              path: '/login',
              capture: { __proto__: { json: '$.token' } },
            },
            { name: '__proto__', method: 'POST', path: '/login' },
          ],
        },
      ],
    });
    expect(Object.hasOwn(run.journeys!, '__proto__')).toBe(true);
    expect(Object.hasOwn(run.steps!, 'constructor')).toBe(true);
    expect(run.steps!['constructor' as string].requests.ok).toBeGreaterThan(0);
    expect(run.journeys!['__proto__'].failed).toBe(0);
    expect(Object.getPrototypeOf(run.steps)).toBe(Object.prototype);
  });

  test('init runs once per user and journey, also when it gives no vars; each iteration starts fresh', async () => {
    const inits: number[] = [];
    const seen: string[] = [];
    const run = await load({
      target: shop.url,
      users: 2,
      duration: 300,
      journeys: [
        {
          name: 'empty-init',
          init: ({ userIndex }) => (inits.push(userIndex), {}),
          steps: [
            {
              name: 'login',
              method: 'POST',
              path: '/login',
              body: ({ vars }) => (seen.push(Object.keys(vars).join()), { user: 'u' }),
              capture: { token: { json: '$.token' } },
            },
          ],
        },
      ],
    });
    expect(run.journeys!['empty-init'].completed).toBeGreaterThan(4);
    expect(inits.sort()).toEqual([0, 1]);
    // The capture of one iteration is not in the next one's vars (no keepVars).
    expect(new Set(seen)).toEqual(new Set(['']));
  });

  test('vars inherit no names: __proto__, constructor and toString are ordinary vars', async () => {
    const seen: unknown[][] = [];
    const run = await load({
      target: shop.url,
      users: 1,
      duration: 200,
      journeys: [
        {
          name: 'v',
          init: () => JSON.parse('{"__proto__": "p"}') as Record<string, unknown>,
          steps: [
            {
              name: 'a',
              method: 'POST',
              path: '/login',
              body: ({ vars }) => {
                seen.push([
                  vars['toString'],
                  vars['constructor'],
                  vars['__proto__'],
                  Object.keys(vars),
                ]);
                return { user: 'u' };
              },
              capture: { constructor: { status: true as const }, toString: { json: '$.token' } },
            },
            {
              name: 'b',
              method: 'POST',
              path: '/login',
              body: ({ vars }) => {
                seen.push([typeof vars['toString'], vars['constructor'], vars['__proto__']]);
                return { user: 'u' };
              },
            },
          ],
        },
      ],
    });
    expect(run.journeys!.v.completed).toBeGreaterThan(1);
    expect(seen[0]).toEqual([undefined, undefined, 'p', ['__proto__']]);
    expect(seen[1]).toEqual(['string', 200, 'p']);
  });

  test('every matcher works on a step and on a journey', async () => {
    const run = await load({ target: shop.url, users: 2, duration: 300, journeys: [checkout()] });
    expect(run.steps!.login).toHaveP95Below(2000);
    expect(run.journeys!.checkout).toHaveP95Below(3000);
    expect(run.steps!.fetch).toHaveErrorRateBelow(0.01);
  });
});
