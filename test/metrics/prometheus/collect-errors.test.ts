import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { collectMetrics } from '../../../src/metrics/prometheus/collect.js';
import { freeLoopbackPort } from '../../../src/metrics/prometheus/free-port.js';

// Prometheus is faked with msw: collectMetrics asks through global fetch, which msw intercepts.
const PROM = 'http://prometheus.test';
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

function answer(resolver: Parameters<typeof http.get>[1]) {
  mock.use(http.get(`${PROM}/api/v1/*`, resolver));
}

const userQuery = { name: 'myQuery', expr: 'up' };

describe('collectMetrics against a faked Prometheus', () => {
  test('a vector: one point per series, null-prototype labels; "+Inf" and "NaN" stay non-finite', async () => {
    answer(() =>
      HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { job: 'a', __proto__x: 'p' }, value: [1700000000.5, '+Inf'] },
            { metric: { job: 'b' }, value: [1700000000.5, 'NaN'] },
          ],
        },
      }),
    );
    const out = await collectMetrics({
      prometheusUrl: PROM,
      queries: [userQuery],
      time: 1700000000.5,
    });
    expect(out.time).toBe('2023-11-14T22:13:20.500Z');
    expect(out.queries[0].series[0].points).toEqual([{ tS: 1700000000.5, value: Infinity }]);
    expect(out.queries[0].series[1].points[0].value).toBeNaN();
    expect(Object.getPrototypeOf(out.queries[0].series[0].labels)).toBeNull();
  });

  test('a bad query (400 bad_data) is ERR_STRESS_PROMETHEUS_BAD_QUERY naming the query', async () => {
    answer(() =>
      HttpResponse.json(
        { status: 'error', errorType: 'bad_data', error: 'parse error at char 3' },
        { status: 400 },
      ),
    );
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [{ name: 'broken', expr: 'up{' }] }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_BAD_QUERY',
      query: 'broken',
      message: expect.stringMatching(/query "broken" \(up\{\).*parse error at char 3/),
    });
  });

  test('a 5xx is ERR_STRESS_PROMETHEUS_SERVER naming the query', async () => {
    answer(() => new HttpResponse('upstream down', { status: 502 }));
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: ['requestRate'] }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_SERVER',
      query: 'requestRate',
      message: expect.stringContaining('HTTP 502'),
    });
  });

  test('no answer in time is ERR_STRESS_PROMETHEUS_TIMEOUT', async () => {
    answer(async () => {
      await delay(2000);
      return HttpResponse.json({ status: 'success', data: { resultType: 'vector', result: [] } });
    });
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [userQuery], timeoutMs: 50 }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_TIMEOUT',
      query: 'myQuery',
    });
  });

  test("Prometheus' own query timeout (503, errorType timeout) is ERR_STRESS_PROMETHEUS_TIMEOUT", async () => {
    answer(() =>
      HttpResponse.json(
        { status: 'error', errorType: 'timeout', error: 'query timed out' },
        { status: 503 },
      ),
    );
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [userQuery] }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_PROMETHEUS_TIMEOUT' });
  });

  test('a network error is ERR_STRESS_PROMETHEUS_UNREACHABLE', async () => {
    answer(() => HttpResponse.error());
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [userQuery] }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_PROMETHEUS_UNREACHABLE', query: 'myQuery' });
  });

  test('a closed loopback port is ERR_STRESS_PROMETHEUS_UNREACHABLE with the connect error', async () => {
    const port = await freeLoopbackPort();
    await expect(
      collectMetrics({ prometheusUrl: `http://127.0.0.1:${port}`, queries: [userQuery] }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_UNREACHABLE',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  test('malformed JSON and a wrong shape are ERR_STRESS_PROMETHEUS_MALFORMED', async () => {
    answer(() => new HttpResponse('{"status":"succ', { status: 200 }));
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [userQuery] }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_PROMETHEUS_MALFORMED' });
    answer(() =>
      HttpResponse.json({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, 2] }] },
      }),
    );
    await expect(
      collectMetrics({ prometheusUrl: PROM, queries: [userQuery] }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_MALFORMED',
      message: expect.stringContaining('[unixSeconds, "value"]'),
    });
  });

  test('range mode sends start, end and step in seconds', async () => {
    let seen: URL | undefined;
    answer(({ request }) => {
      seen = new URL(request.url);
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { job: 'a' },
              values: [
                [10, '1'],
                [15, '2'],
              ],
            },
          ],
        },
      });
    });
    const out = await collectMetrics({
      prometheusUrl: PROM,
      queries: [userQuery],
      mode: 'range',
      start: '2026-11-30T10:00:00Z',
      end: '2026-11-30T10:30:00Z',
      step: '5s',
    });
    expect(seen?.pathname).toBe('/api/v1/query_range');
    expect(Object.fromEntries(seen!.searchParams)).toEqual({
      query: 'up',
      start: '1796032800',
      end: '1796034600',
      step: '5',
    });
    expect(out.queries[0].series[0].points).toEqual([
      { tS: 10, value: 1 },
      { tS: 15, value: 2 },
    ]);
  });
});

describe('collectMetrics options', () => {
  test.each([
    [{ prometheusUrl: 'localhost:9090' }, 'prometheusUrl'],
    [{ prometheusUrl: PROM, queries: ['p99'] }, 'queries[0]'],
    [{ prometheusUrl: PROM, queries: [{ name: 'x', expr: '' }] }, 'queries[0].expr'],
    [{ prometheusUrl: PROM, mode: 'between' }, 'mode'],
    [{ prometheusUrl: PROM, mode: 'range' }, 'start'],
    [
      {
        prometheusUrl: PROM,
        mode: 'range',
        start: '2026-11-30T10:00:00Z',
        end: '2026-11-30T09:00:00Z',
      },
      'end',
    ],
    [{ prometheusUrl: PROM, mode: 'range', since: '10m', step: '1ms' }, 'step'],
  ])('%j is ERR_STRESS_INVALID_OPTION naming %s', async (options, field) => {
    await expect(collectMetrics(options as never)).rejects.toMatchObject({
      code: 'ERR_STRESS_INVALID_OPTION',
      field,
    });
  });
});
