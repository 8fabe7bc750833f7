import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from 'prom-client';
import { describe, expect, test } from 'vitest';
import {
  parseExposition,
  parseValue,
  seriesKey,
  type MetricFamily,
} from '../../src/metrics/exposition.js';
import { servePrometheus } from './prom-server.js';

const family = (families: MetricFamily[], name: string) => families.find((f) => f.name === name);

describe('parseExposition on real prom-client output', () => {
  test('reads counters, gauges, histograms and summaries served over HTTP', async () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'answered',
      labelNames: ['route', 'status'],
      registers: [registry],
    });
    requests.inc({ route: '/api/analyze', status: '200' }, 7);
    requests.inc({ route: '/api/analyze', status: '503' }, 2);
    new Gauge({ name: 'audit_queue_depth', help: 'waiting', registers: [registry] }).set(3);
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'time',
      labelNames: ['route'],
      buckets: [0.1, 1],
      registers: [registry],
    });
    duration.observe({ route: '/a' }, 0.05);
    duration.observe({ route: '/a' }, 0.5);
    duration.observe({ route: '/b' }, 5);
    const sizes = new Summary({
      name: 'payload_records',
      help: 'records',
      percentiles: [0.5, 0.99],
      registers: [registry],
    });
    for (const n of [100, 500, 1000]) sizes.observe(n);

    const server = await servePrometheus(() => registry.metrics());
    try {
      const text = await (await fetch(server.url)).text();
      const families = parseExposition(text);

      const rss = family(families, 'process_resident_memory_bytes');
      expect(rss).toMatchObject({ type: 'gauge', help: 'Resident memory size in bytes.' });
      expect(rss!.samples[0].value).toBeGreaterThan(1e6);

      expect(family(families, 'http_requests_total')).toEqual({
        name: 'http_requests_total',
        type: 'counter',
        help: 'answered',
        samples: [
          {
            name: 'http_requests_total',
            labels: { route: '/api/analyze', status: '200' },
            value: 7,
          },
          {
            name: 'http_requests_total',
            labels: { route: '/api/analyze', status: '503' },
            value: 2,
          },
        ],
      });
      expect(family(families, 'audit_queue_depth')!.samples).toEqual([
        { name: 'audit_queue_depth', labels: {}, value: 3 },
      ]);

      const hist = family(families, 'http_request_duration_seconds')!;
      expect(hist.type).toBe('histogram');
      const a = hist.samples
        .filter((s) => s.labels.route === '/a')
        .map((s) => [s.name, s.labels.le, s.value]);
      expect(a).toEqual([
        ['http_request_duration_seconds_bucket', '0.1', 1],
        ['http_request_duration_seconds_bucket', '1', 2],
        ['http_request_duration_seconds_bucket', '+Inf', 2],
        ['http_request_duration_seconds_sum', undefined, 0.55],
        ['http_request_duration_seconds_count', undefined, 2],
      ]);
      expect(hist.samples.find((s) => s.labels.route === '/b' && s.labels.le === '1')!.value).toBe(
        0,
      );

      const summary = family(families, 'payload_records')!;
      expect(summary.type).toBe('summary');
      expect(summary.samples.map((s) => s.name)).toEqual([
        'payload_records',
        'payload_records',
        'payload_records_sum',
        'payload_records_count',
      ]);
      expect(summary.samples.find((s) => s.name === 'payload_records_sum')!.value).toBe(1600);

      // Every sample line of the text ends up in exactly one family.
      const sampleLines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
      expect(families.reduce((n, f) => n + f.samples.length, 0)).toBe(sampleLines);
      expect(families.every((f) => f.samples.length > 0 || f.help !== undefined)).toBe(true);
    } finally {
      await server.close();
    }
  });

  test('round-trips label values that need escaping', async () => {
    const registry = new Registry();
    const c = new Counter({
      name: 'odd_total',
      help: 'has a \\ backslash\nand a newline',
      labelNames: ['v'],
      registers: [registry],
    });
    const tricky = ['back\\slash', 'quote"d', 'new\nline', 'comma, and }brace{', 'ünïcødé', ''];
    tricky.forEach((v, i) => c.inc({ v }, i + 1));
    const families = parseExposition(await registry.metrics());
    const odd = family(families, 'odd_total')!;
    expect(odd.help).toBe('has a \\ backslash\nand a newline');
    expect(odd.samples.map((s) => s.labels.v)).toEqual(tricky);
  });
});

describe('parseExposition on tricky text', () => {
  test('NaN, ±Inf, exponents, timestamps, blanks and comments', () => {
    const text = [
      '# A plain comment, ignored',
      '# HELP weird A gauge\\nwith \\\\ escapes and \\t kept',
      '# TYPE weird gauge',
      'weird{k="a"} NaN',
      'weird{k="b"} +Inf 1700000000000',
      'weird{k="c"} -Inf -5',
      'weird{k="d"} 1.5e-3',
      '  weird{k="e",} \t 42   ',
      'weird{ k = "f" , j="g" } .5',
      '',
      'untyped_thing 7\r',
    ].join('\n');
    const [weird, untyped] = parseExposition(text);
    expect(weird.help).toBe('A gauge\nwith \\ escapes and \\t kept');
    expect(weird.type).toBe('gauge');
    expect(weird.samples.map((s) => s.value)).toEqual([NaN, Infinity, -Infinity, 0.0015, 42, 0.5]);
    expect(weird.samples[1].timestampMs).toBe(1700000000000);
    expect(weird.samples[2].timestampMs).toBe(-5);
    expect(weird.samples[0]).not.toHaveProperty('timestampMs');
    expect(weird.samples[5].labels).toEqual({ k: 'f', j: 'g' });
    expect(untyped).toEqual({
      name: 'untyped_thing',
      type: 'untyped',
      samples: [{ name: 'untyped_thing', labels: {}, value: 7 }],
    });
  });

  test('histogram series keep their own labels and buckets', () => {
    const text = [
      '# TYPE lat histogram',
      'lat_bucket{route="/a",le="0.5"} 1',
      'lat_bucket{route="/a",le="+Inf"} 3',
      'lat_sum{route="/a"} 4.5',
      'lat_count{route="/a"} 3',
      'lat_bucket{route="/b",le="0.5"} 0',
      'lat_bucket{route="/b",le="+Inf"} 1',
      'lat_sum{route="/b"} 9',
      'lat_count{route="/b"} 1',
      '# TYPE lat_sum_total counter',
      'lat_sum_total 2',
    ].join('\n');
    const families = parseExposition(text);
    expect(families.map((f) => [f.name, f.type, f.samples.length])).toEqual([
      ['lat', 'histogram', 8],
      ['lat_sum_total', 'counter', 1],
    ]);
    expect(families[0].samples.filter((s) => s.labels.route === '/b').map((s) => s.value)).toEqual([
      0, 1, 9, 1,
    ]);
  });

  test('an undeclared name forms an untyped family; a gauge _count is its own family; types ignore case', () => {
    const families = parseExposition('# TYPE g Gauge\ng 1\ng_count 2\n');
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['g', 'gauge'],
      ['g_count', 'untyped'],
    ]);
  });

  // Every text rejected here is rejected by promtool 2.42 as well (checked by hand).
  test.each([
    ['metric{a="b" 1', /line 1: expected , or } after label "a"/],
    ['metric{a="b} 1', /unterminated value of label "a"/],
    ['metric{a="\\x"} 1', /invalid escape \\x in a label value/],
    ['metric{a=b} 1', /expected a quoted value for label "a"/],
    ['metric{a="1",a="2"} 1', /label "a" given twice/],
    ['metric{1a="x"} 1', /expected a label name/],
    ['metric', /expected a value/],
    ['metric 0x10', /invalid value "0x10"/],
    ['metric one', /invalid value "one"/],
    ['metric 1 1.5', /invalid timestamp "1.5"/],
    ['metric 1 2 3', /unexpected text after the timestamp/],
    ['9metric 1', /expected a metric name/],
    ['# TYPE m widget', /unknown metric type "widget"/],
    ['# TYPE m gauge\n# TYPE m counter', /line 2: second TYPE for m/],
    ['# HELP m a\n# HELP m b', /second HELP for m/],
    ['m 1\n# TYPE m gauge', /TYPE for m after its samples/],
  ])('rejects %j', (text, error) => {
    expect(() => parseExposition(text)).toThrow(error);
    try {
      parseExposition(text);
    } catch (err) {
      expect(err).toMatchObject({ code: 'ERR_STRESS_METRICS' });
    }
  });

  test('empty text has no families', () => {
    expect(parseExposition('')).toEqual([]);
    expect(parseExposition('\n# just a comment\n\n')).toEqual([]);
  });
});

describe('parseValue and seriesKey', () => {
  test('values are Go-style floats, nothing else', () => {
    expect(parseValue('1e3')).toBe(1000);
    expect(parseValue('-0.25')).toBe(-0.25);
    expect(parseValue('nan')).toBeNaN();
    expect(parseValue('-Inf')).toBe(-Infinity);
    expect(parseValue('')).toBeUndefined();
    expect(parseValue(' ')).toBeUndefined();
    expect(parseValue('1_000')).toBeUndefined();
    expect(parseValue('Infinityx')).toBeUndefined();
  });

  test('keys sort labels and escape values', () => {
    expect(seriesKey('m', {})).toBe('m');
    expect(seriesKey('m', { z: '1', a: 'q"\\\n' })).toBe('m{a="q\\"\\\\\\n",z="1"}');
  });
});
