import { describe, expect, test, vi } from 'vitest';
import { sampleMetrics } from '../../src/metrics/sampler.js';
import { downUrl, hangingServer } from '../helpers/servers.js';
import { servePrometheus } from './prom-server.js';

const TEXT = [
  '# TYPE process_resident_memory_bytes gauge',
  'process_resident_memory_bytes 52428800',
  '# TYPE http_requests_total counter',
  'http_requests_total{route="/a",status="200"} 5',
  'http_requests_total{route="/b",status="503"} 2',
  '# TYPE nodejs_eventloop_lag_seconds gauge',
  'nodejs_eventloop_lag_seconds NaN',
  '# TYPE unrelated gauge',
  'unrelated 1',
].join('\n');

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('sampleMetrics', () => {
  test('scrapes at once, keeps only the selected metrics, and stops', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const sampler = sampleMetrics({ url: server.url, intervalMs: 60_000 });
      await vi.waitFor(() => expect(sampler.series().samples).toHaveLength(1));
      const series = await sampler.stop();
      expect(series).toMatchObject({
        kind: 'vitest-stress/metrics',
        source: server.url,
        intervalMs: 60_000,
        errors: [],
        scrapes: { ok: 1, failed: 0 },
        thinned: 0,
      });
      expect(series.samples[0].tMs).toBeLessThan(60_000);
      // NaN is left out; the unselected gauge is not kept; http_requests_total is summed.
      expect(series.samples[0].metrics).toEqual({
        process_resident_memory_bytes: 52428800,
        'sum(http_requests_total)': 7,
      });
      expect(Date.parse(series.startedAt)).not.toBeNaN();
      expect(JSON.parse(JSON.stringify(series))).toEqual(series);
    } finally {
      await server.close();
    }
  });

  test('names select series by name, keyed with their labels, or summed', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const sampler = sampleMetrics({
        url: server.url,
        intervalMs: 60_000,
        names: ['http_requests_total', 'sum(http_requests_total)', 'absent_metric'],
      });
      await vi.waitFor(() => expect(sampler.series().samples).toHaveLength(1));
      const { samples } = await sampler.stop();
      expect(samples[0].metrics).toEqual({
        'http_requests_total{route="/a",status="200"}': 5,
        'http_requests_total{route="/b",status="503"}': 2,
        'sum(http_requests_total)': 7,
      });
    } finally {
      await server.close();
    }
  });

  test('a base URL gets /metrics', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const sampler = sampleMetrics({
        url: server.url.replace('/metrics', ''),
        intervalMs: 60_000,
      });
      expect(sampler.url).toBe(server.url);
      await vi.waitFor(() => expect(server.scrapes()).toBe(1));
      await sampler.stop();
    } finally {
      await server.close();
    }
  });

  test('a target that is down leaves one gap with its error, never a crash', async () => {
    const sampler = sampleMetrics({
      url: `${await downUrl()}/metrics`,
      intervalMs: 10,
      timeoutMs: 5000,
    });
    await vi.waitFor(() => expect(sampler.series().scrapes.failed).toBeGreaterThanOrEqual(3));
    const series = await sampler.stop();
    expect(series.samples).toEqual([]);
    expect(series.errors).toHaveLength(1);
    expect(series.errors[0].error).toMatch(/ECONNREFUSED/);
    expect(series.errors[0].scrapes).toBe(series.scrapes.failed);
    expect(series.errors[0].untilMs).toBeGreaterThan(series.errors[0].tMs);
  });

  test('the server going down and coming back shows as a gap between samples', async () => {
    let answer: string | number = TEXT;
    const server = await servePrometheus(() => answer);
    try {
      const sampler = sampleMetrics({ url: server.url, intervalMs: 10, timeoutMs: 5000 });
      await vi.waitFor(() => expect(sampler.series().samples.length).toBeGreaterThanOrEqual(2));
      answer = 503;
      await vi.waitFor(() => expect(sampler.series().scrapes.failed).toBeGreaterThanOrEqual(2));
      answer = 'not prometheus text';
      await vi.waitFor(() => expect(sampler.series().errors).toHaveLength(2));
      answer = TEXT;
      const before = sampler.series().samples.length;
      await vi.waitFor(() => expect(sampler.series().samples.length).toBeGreaterThan(before));
      const series = await sampler.stop();
      expect(series.errors.map((g) => g.error)).toEqual([
        'HTTP 503',
        expect.stringMatching(/^metrics text line 1: invalid value "prometheus"/),
      ]);
      const [http503, parse] = series.errors;
      expect(series.samples.some((s) => s.tMs < http503.tMs)).toBe(true);
      expect(series.samples.some((s) => s.tMs > parse.untilMs)).toBe(true);
      expect(series.samples.some((s) => s.tMs >= http503.tMs && s.tMs <= parse.untilMs)).toBe(
        false,
      );
      expect(series.scrapes.failed).toBe(http503.scrapes + parse.scrapes);
    } finally {
      await server.close();
    }
  });

  test('a scrape with no answer is a timeout gap; stop() abandons one in flight', async () => {
    const server = await hangingServer();
    try {
      const sampler = sampleMetrics({
        url: `${server.url}/metrics`,
        intervalMs: 20,
        timeoutMs: 20,
      });
      await vi.waitFor(() => expect(sampler.series().scrapes.failed).toBeGreaterThanOrEqual(2));
      const series = await sampler.stop();
      expect(series.errors[0]).toMatchObject({ error: 'timeout after 20 ms' });
      await vi.waitFor(() => expect(server.connections()).toBe(0));
    } finally {
      await server.close();
    }
  });

  test('an abort signal stops scraping; stop() still returns the series', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const controller = new AbortController();
      const sampler = sampleMetrics({
        url: server.url,
        intervalMs: 10,
        timeoutMs: 5000,
        signal: controller.signal,
      });
      await vi.waitFor(() => expect(sampler.series().samples.length).toBeGreaterThanOrEqual(2));
      controller.abort();
      // The signal alone closes the sampler's keep-alive connection.
      await vi.waitFor(() => expect(server.connections()).toBe(0));
      const series = await sampler.stop();
      // A scrape abandoned in flight may still reach the server; after that, nothing more. A
      // witness sampler at the same 10 ms interval (its own server) is the clock: once it has
      // scraped 3 and then 6 more times, the stopped sampler had as many chances to scrape.
      const witness = await servePrometheus(() => TEXT);
      const clock = sampleMetrics({ url: witness.url, intervalMs: 10, timeoutMs: 5000 });
      try {
        await vi.waitFor(() => expect(witness.scrapes()).toBeGreaterThanOrEqual(3));
        const scrapes = server.scrapes();
        expect(scrapes).toBeLessThanOrEqual(series.scrapes.ok + 1);
        const witnessed = witness.scrapes();
        await vi.waitFor(() => expect(witness.scrapes()).toBeGreaterThanOrEqual(witnessed + 6));
        expect(server.scrapes()).toBe(scrapes);
      } finally {
        await clock.stop();
        await witness.close();
      }
      expect(sampler.series()).toEqual(series);
      expect(series.samples.length).toBeGreaterThanOrEqual(2);
      expect(series.errors).toEqual([]);
      expect(await sampler.stop()).toEqual(series);
    } finally {
      await server.close();
    }
  });

  test('an already aborted signal means no scrape at all', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const sampler = sampleMetrics({ url: server.url, signal: AbortSignal.abort() });
      const series = await sampler.stop();
      expect(series.samples).toEqual([]);
      expect(server.scrapes()).toBe(0);
    } finally {
      await server.close();
    }
  });

  test('leaves no timers or sockets behind', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const before = timers();
      const sampler = sampleMetrics({ url: server.url, intervalMs: 10_000 });
      await vi.waitFor(() => expect(sampler.series().samples).toHaveLength(1));
      expect(timers()).toBeGreaterThan(before); // waiting for the next scrape
      expect(server.connections()).toBe(1);
      await sampler.stop();
      expect(timers()).toBe(before);
      await vi.waitFor(() => expect(server.connections()).toBe(0));
    } finally {
      await server.close();
    }
  });

  test('stays bounded: past maxSamples it drops every other sample and doubles the interval', async () => {
    const server = await servePrometheus(() => TEXT);
    try {
      const sampler = sampleMetrics({
        url: server.url,
        intervalMs: 10,
        timeoutMs: 5000,
        maxSamples: 10,
      });
      await vi.waitFor(() => expect(sampler.series().thinned).toBeGreaterThanOrEqual(1));
      const series = await sampler.stop();
      expect(series.samples.length).toBeLessThan(10);
      expect(series.intervalMs).toBe(10 * 2 ** series.thinned);
      expect(series.scrapes.ok).toBeGreaterThanOrEqual(10);
      const times = series.samples.map((s) => s.tMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    } finally {
      await server.close();
    }
  });

  test('bad options throw coded errors before any scrape', () => {
    expect(() => sampleMetrics({ url: 'http://10.1.2.3:9090/metrics' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_REMOTE_TARGET' }),
    );
    expect(() => sampleMetrics({ url: 'ftp://127.0.0.1/metrics' })).toThrow(/invalid option "url"/);
    expect(() => sampleMetrics({ url: 'http://127.0.0.1:1', intervalMs: 5 })).toThrow(
      /invalid option "intervalMs": got 5, expected at least 10 ms/,
    );
    expect(() => sampleMetrics({ url: 'http://127.0.0.1:1', names: ['rate(x[1m])'] })).toThrow(
      /invalid option "names\[0\]"/,
    );
    expect(() => sampleMetrics({ url: 'http://127.0.0.1:1', names: [] })).toThrow(
      /invalid option "names"/,
    );
    expect(() => sampleMetrics({ url: 'http://127.0.0.1:1', maxSamples: 2 })).toThrow(
      /invalid option "maxSamples"/,
    );
    expect(() => sampleMetrics({ url: 'http://127.0.0.1:1', interval: 1000 } as never)).toThrow(
      /unknown option "interval" in sampleMetrics options; did you mean "intervalMs"\?/,
    );
  });
});
