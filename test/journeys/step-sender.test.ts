import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StepSender, type StepRequest } from '../../src/journeys/step-sender.js';
import { load } from '../../src/load.js';
import {
  destroyingServer,
  hangingServer,
  startServer,
  type FixtureServer,
} from '../helpers/servers.js';

const get = (path: string): StepRequest => ({ method: 'GET', path, headers: {}, body: undefined });

describe('StepSender', () => {
  let chunky: FixtureServer;
  let hanging: FixtureServer;
  let destroying: FixtureServer;
  beforeAll(async () => {
    // The body in three writes (three chunks), a header given twice.
    chunky = await startServer((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('x-one', 'yes');
      res.write('{"id":');
      setTimeout(() => res.write('"r-1",'), 5);
      setTimeout(() => res.end('"n":2}'), 10);
    });
    hanging = await hangingServer();
    destroying = await destroyingServer();
  });
  afterAll(async () => {
    await Promise.all([chunky.close(), hanging.close(), destroying.close()]);
  });

  test('an answer: status, headers, and the body decoded on read, as text and as JSON', async () => {
    const sender = new StepSender(chunky.url, 2, 5000);
    const { finish, response } = await sender.send(get('/'));
    await sender.close();
    expect(finish).toEqual({ kind: 'response', status: 200 });
    expect(response!.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response!.headers['x-one']).toBe('yes');
    expect(response!.text).toBe('{"id":"r-1","n":2}');
    expect(response!.json).toEqual({ id: 'r-1', n: 2 });
  });

  test('no answer within timeoutMs ends the step as a timeout, and the next one still goes', async () => {
    const sender = new StepSender(hanging.url, 1, 150);
    const started = performance.now();
    const outcomes = await Promise.all([sender.send(get('/a')), sender.send(get('/b'))]);
    const tookMs = performance.now() - started;
    await sender.close();
    for (const { finish, response } of outcomes) {
      expect(finish).toEqual({ kind: 'timeout', message: 'no response within 150 ms' });
      expect(response).toBeUndefined();
    }
    // /b waited in the pool's queue behind /a (one connection): its clock ran from the send too.
    expect(tookMs).toBeGreaterThanOrEqual(145);
  });

  test('a reset connection is an error; close() ends what is in flight, and later sends', async () => {
    const sender = new StepSender(destroying.url, 1, 5000);
    expect((await sender.send(get('/'))).finish.kind).toBe('error');
    const slow = new StepSender(hanging.url, 1, 60_000);
    const inFlight = slow.send(get('/'));
    await slow.close();
    expect((await inFlight).finish).toEqual({
      kind: 'error',
      message: 'the run closed its sockets',
    });
    expect((await slow.send(get('/'))).finish.kind).toBe('error');
    await sender.close();
  });
  // undici refuses these while dispatching and then keeps that connection marked busy for good:
  // sent as they are, every later step on a one-connection pool would time out.
  test('a header value or path undici refuses fails that step only; the next one is answered', async () => {
    const sender = new StepSender(chunky.url, 1, 2000);
    const bad = await sender.send({ ...get('/'), headers: { authorization: 'Bearer a\nb' } });
    const badPath = await sender.send(get('/a b'));
    const badName = await sender.send({ ...get('/'), headers: { 'x y': '1' } });
    const good = await sender.send(get('/'));
    await sender.close();
    expect(good.finish).toEqual({ kind: 'response', status: 200 });
    expect(bad.finish).toEqual({
      kind: 'error',
      message:
        'invalid authorization header: a value with line breaks or characters outside latin-1',
    });
    expect(badPath.finish).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^invalid path/),
    });
    expect(badName.finish).toEqual({ kind: 'error', message: 'invalid header name "x y"' });
  });
});

describe('a step that times out in a journey', () => {
  let hanging: FixtureServer;
  beforeAll(async () => {
    hanging = await hangingServer();
  });
  afterAll(() => hanging.close());

  test('fails its step as a timeout, skips the rest, and every request is accounted for', async () => {
    const run = await load({
      target: hanging.url,
      users: 2,
      duration: '1s',
      timeout: 200,
      progress: false,
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'stuck', path: '/stuck' },
            { name: 'never', path: '/never' },
          ],
        },
      ],
    });
    const stuck = run.steps!.stuck.requests;
    expect(stuck.timeouts).toBeGreaterThanOrEqual(4);
    expect(stuck.total).toBe(stuck.ok + stuck.failed + stuck.cancelled);
    expect(run.steps!.never.requests.total).toBe(0);
    expect(run.steps!.never.skipped).toBe(run.journeys!.j.failedAt.stuck);
    expect(run.ledger.filter((e) => e.outcome === 'timeout')).toHaveLength(stuck.timeouts);
  }, 20_000);
});

describe('step timeouts sent at staggered times', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    // /fast answers after 0-80 ms (seeded by the path), anything else never: the stuck steps go
    // out at staggered times, so most are queued while the timeout timer is armed for an older one.
    server = await startServer((req, res) => {
      if (!req.url!.startsWith('/fast')) return;
      setTimeout(() => res.end('ok'), Number(req.url!.split('/')[2]) % 80);
    });
  });
  afterAll(() => server.close());

  test('each step runs its whole timeout from its own send', async () => {
    const run = await load({
      target: server.url,
      users: 4,
      duration: 900,
      timeout: 200,
      progress: false,
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'fast', path: ({ requestId }) => `/fast/${requestId.split('-').pop()!}` },
            { name: 'stuck', path: '/stuck' },
          ],
        },
      ],
    });
    const timeouts = run.ledger.filter((e) => e.outcome === 'timeout');
    expect(timeouts.length).toBeGreaterThanOrEqual(8);
    for (const { latencyMs } of timeouts) expect(latencyMs).toBeGreaterThanOrEqual(195);
  }, 20_000);
});
