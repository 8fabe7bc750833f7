import { describe, expect, test } from 'vitest';
import { buildHtmlReport } from '../../../src/reporters/html/page.js';
import { prepareTests } from '../../../src/reporters/html/prepare.js';
import { toRunMeta } from '../../../src/vitest/run-meta.js';
import { fakeRun } from '../../helpers/fake-run.js';
import { reportOf, steadyRun, testRecord, verdict } from './report-fixtures.js';

type Chart = {
  id: string;
  x: number[];
  xi: number;
  bucketS: number;
  series: Array<{ label: string; values: Array<number | null> }>;
  bands: Array<{ label: string }>;
  thresholds: Array<{ value: number }>;
};

/** The page's chart data, each chart given its x array back. */
function chartData(html: string): { charts: Chart[] } {
  const data = JSON.parse(
    /<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(html)![1],
  ) as { xs: number[][]; charts: Chart[] };
  return { charts: data.charts.map((c) => ({ ...c, x: data.xs[c.xi] })) };
}

describe('buildHtmlReport', () => {
  test('escapes every user string: test names, run names, messages and the inlined chart data', () => {
    const run = steadyRun(3);
    run.name = '</script><img src=x onerror=alert(1)>';
    run.timeline[1].phase = `</script><img src=y>`;
    const html = buildHtmlReport(
      reportOf([testRecord(`<b>&"'</b>`, [run], [verdict({ message: '<i>got</i> & "more"' })])]),
    );
    expect(html).toContain('suite &gt; &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;got&lt;/i&gt; &amp; &quot;more&quot;');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>&');
    // Three scripts (data, uPlot, page) and three closing tags: nothing in the data ends one early.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(chartData(html).charts[0].bands[0].label).toBe('</script><img src=y>');
  });

  test('a 30-minute run is thinned to at most 600 points, keeping the worst second', () => {
    const run = steadyRun(1800, { slowAtS: 1000 });
    expect(run.timeline).toHaveLength(1800);
    const charts = chartData(buildHtmlReport(reportOf([testRecord('long', [run])]))).charts;
    const latency = charts.find((c) => c.id.endsWith('-latency'))!;
    expect(latency.bucketS).toBe(3);
    expect(latency.x).toHaveLength(600);
    const p99 = latency.series.find((s) => s.label === 'p99')!.values;
    expect(Math.max(...p99.filter((v): v is number => v !== null))).toBeGreaterThanOrEqual(900);
    const throughput = charts.find((c) => c.id.endsWith('-throughput'))!;
    expect(throughput.series.find((s) => s.label === 'finished')!.values[10]).toBe(2);
  });

  test('maxPoints must be a whole number of points', () => {
    expect(() => buildHtmlReport(reportOf([]), { maxPoints: 0.5 })).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        message: 'invalid option "maxPoints": got 0.5, expected an integer >= 1',
      }),
    );
  });

  test('a 10-second run keeps one point per second', () => {
    const latency = chartData(
      buildHtmlReport(reportOf([testRecord('short', [steadyRun(10)])])),
    ).charts.find((c) => c.id.endsWith('-latency'))!;
    expect(latency.bucketS).toBe(1);
    expect(latency.x).toHaveLength(10);
  });

  test('50 tests: 50 index rows and 50 sections, with their own anchors', () => {
    const tests = Array.from({ length: 50 }, (_, i) =>
      testRecord(
        `test ${i}`,
        [steadyRun(2)],
        [verdict({ pass: i % 7 !== 0 })],
        i % 7 === 0 ? 'failed' : 'passed',
      ),
    );
    const html = buildHtmlReport(reportOf(tests));
    expect(html.match(/<tr class="(passed|failed)"><td><span class="badge/g)).toHaveLength(50);
    expect(html.match(/<section class="test /g)).toHaveLength(50);
    expect(html).toContain('<a href="#test-50">suite &gt; test 49</a>');
    expect(html.match(/<tr class="failed">/g)).toHaveLength(8);
  });

  test('an inconclusive verdict shows as such, with its interval, and makes the test inconclusive', () => {
    const v = {
      ...verdict(),
      state: 'inconclusive' as const,
      interval: { low: 420.5, high: 560, confidence: 0.95, method: 'exact-binomial' },
      reason: 'the interval straddles 500 ms',
    };
    const html = buildHtmlReport(reportOf([testRecord('unsure', [steadyRun(2)], [v])]));
    expect(html).toContain('<span class="badge inconclusive">? inconclusive</span>');
    expect(html).toContain('<td>[420.5, 560] ms · 95% · exact-binomial</td>');
    expect(html).toContain('inconclusive because the interval straddles 500 ms');
    expect(html).toContain('<tr class="inconclusive">');
  });

  test('a verdict without state is pass or fail by its pass flag', () => {
    const [view] = prepareTests(
      reportOf([testRecord('t', [], [verdict({ pass: false }), verdict()])]),
    );
    expect(view.verdicts.map((v) => v.state)).toEqual(['fail', 'pass']);
    expect(view.state).toBe('failed');
  });

  test('latency SLAs and metric limits become threshold lines in the chart unit', () => {
    const run = steadyRun(4);
    run.metrics = {
      kind: 'vitest-stress/metrics',
      source: 'http://127.0.0.1:1/metrics',
      startedAt: run.startedAt,
      intervalMs: 1000,
      names: [],
      thinned: 0,
      errors: [],
      scrapes: { ok: 3, failed: 0 },
      samples: [0, 1000, 2000].map((tMs) => ({
        tMs,
        metrics: {
          process_resident_memory_bytes: 100 * 1024 * 1024 + tMs,
          nodejs_eventloop_lag_seconds: 0.002,
        },
      })),
    };
    const verdicts = [
      verdict({ threshold: 40 }),
      verdict({
        matcher: 'toHaveMetricBelow',
        metric: 'process_resident_memory_bytes',
        unit: 'bytes',
        threshold: 200 * 1024 * 1024,
      }),
    ];
    const charts = chartData(buildHtmlReport(reportOf([testRecord('t', [run], verdicts)]))).charts;
    expect(charts.find((c) => c.id.endsWith('-latency'))!.thresholds.map((t) => t.value)).toEqual([
      40,
    ]);
    const memory = charts.find((c) => c.id.endsWith('-server-memory'))!;
    expect(memory.thresholds.map((t) => t.value)).toEqual([200]);
    expect(memory.series[0].values[0]).toBe(100);
    expect(charts.find((c) => c.id.endsWith('-server-lag'))!.series[0].values).toEqual([2, 2, 2]);
  });

  test('a run where nothing succeeded has no latency chart, and says why', () => {
    const failing = toRunMeta(
      fakeRun(
        Array.from({ length: 6 }, () => ({ latencyMs: 5, status: 503 })),
        { durationMs: 3000 },
      ),
    );
    const html = buildHtmlReport(reportOf([testRecord('down', [failing])]));
    expect(html).toContain('No latency chart: no request of this run succeeded.');
    expect(chartData(html).charts.map((c) => c.id)).toEqual([
      'test-1-run-1-throughput',
      'test-1-run-1-users',
    ]);
  });

  test('a report with no tests is still a page', () => {
    const html = buildHtmlReport(reportOf([]));
    expect(html).toContain('No tests in this report.');
    expect(chartData(html).charts).toEqual([]);
  });
});
