import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRequest, planStep, type RequestBase } from '../../src/journeys/step-request.js';
import { resolveJourneys } from '../../src/journeys/validate-journeys.js';
import type { StepOptions } from '../../src/contracts/journeys.js';
import { load } from '../../src/load.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

const base: RequestBase = {
  origin: 'http://127.0.0.1:1',
  basePath: '/api',
  idHeader: 'x-request-id',
  idPrefix: 'r-',
  headers: { 'x-run': 'yes' },
};
const state = { journey: 'j', userIndex: 3, vars: { n: 7 }, cookies: undefined };
const plan = (step: Omit<StepOptions, 'name'>) =>
  planStep(base, resolveJourneys([{ name: 'j', steps: [{ name: 's', ...step }] }])[0].steps[0]);

describe('a step request: fixed parts once per run, functions per send', () => {
  test('fixed path, headers and body: joined, serialised, with the content-type and the id', () => {
    const p = plan({
      method: 'POST',
      path: '/a',
      headers: { 'X-Own': 1 as never },
      body: { k: 1 },
    });
    expect(p.needsContext).toBe(false);
    for (const id of ['r-1', 'r-2'])
      expect(buildRequest(base, p, state, id)).toEqual({
        method: 'POST',
        path: '/api/a',
        headers: {
          'x-run': 'yes',
          'x-own': '1',
          'content-type': 'application/json',
          'x-request-id': id,
        },
        body: '{"k":1}',
      });
  });

  test('functions are called per send with the context; their headers override the run headers', () => {
    const p = plan({
      method: 'PUT',
      path: ({ vars }) => `/n/${String(vars.n)}`,
      headers: ({ requestId, userIndex }) => ({ 'X-Run': `${requestId}@${userIndex}` }),
      body: ({ journey }) => `hi ${journey}`,
    });
    expect(buildRequest(base, p, state, 'r-9')).toEqual({
      method: 'PUT',
      path: '/api/n/7',
      headers: {
        'x-run': 'r-9@3',
        'content-type': 'text/plain; charset=utf-8',
        'x-request-id': 'r-9',
      },
      body: 'hi j',
    });
  });

  // undici refuses these while dispatching and keeps that connection busy for good: never sent.
  test('what undici would refuse is a reason, whether the options or a function gave it', () => {
    const fixed = plan({ path: '/a', headers: { 'x-bad': 'a\nb' } });
    expect(buildRequest(base, fixed, state, 'r-1')).toBe(
      'invalid x-bad header: a value with line breaks or characters outside latin-1',
    );
    expect(buildRequest(base, plan({ path: '/a b' }), state, 'r-1')).toMatch(/^invalid path/);
    const given = plan({ path: '/a', headers: ({ vars }) => ({ 'x-v': `v${String(vars.n)}\r` }) });
    expect(buildRequest(base, given, state, 'r-1')).toMatch(/^invalid x-v header/);
    const named = plan({ path: '/a', headers: () => ({ 'x y': '1' }) });
    expect(buildRequest(base, named, state, 'r-1')).toBe('invalid header name "x y"');
    const refused = plan({ path: '/a', headers: () => ({ 'Transfer-Encoding': 'chunked' }) });
    expect(buildRequest(base, refused, state, 'r-1')).toBe(
      'the transfer-encoding header cannot be set on a step',
    );
    // The path is named first, as the sender names it.
    const both = plan({ path: () => '/é€', headers: { 'x-bad': 'a\nb' } });
    expect(buildRequest(base, both, state, 'r-1')).toMatch(/^invalid path/);
  });

  test('a body JSON cannot hold fails each send, as a throw', () => {
    const p = plan({ method: 'POST', path: '/a', body: { n: 1n } as never });
    expect(() => buildRequest(base, p, state, 'r-1')).toThrow(/BigInt/);
  });
});

describe('a step whose header function gives a value undici refuses', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await okServer();
  });
  afterAll(() => server.close());

  // One connection: had the bad request been dispatched, every later step would time out.
  test('fails that step with the reason; the steps after it on the one connection are answered', async () => {
    const run = await load({
      target: server.url,
      users: 1,
      duration: 600,
      timeout: 300,
      progress: false,
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'first', path: '/first' },
            {
              name: 'odd',
              path: '/odd',
              headers: ({ userIndex, requestId }) => ({
                'x-odd': Number(requestId.split('-').pop()) % 4 === 2 ? 'a\nb' : `u${userIndex}`,
              }),
            },
          ],
        },
      ],
    });
    const odd = run.steps!.odd.requests;
    expect(odd.errors).toBeGreaterThan(2);
    expect(odd.ok).toBeGreaterThan(2);
    expect(run.requests.timeouts).toBe(0);
    expect(run.steps!.odd.errors).toEqual([
      {
        message: 'invalid x-odd header: a value with line breaks or characters outside latin-1',
        count: odd.errors,
      },
    ]);
  }, 20_000);
});
