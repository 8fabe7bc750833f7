import { describe, expect, test } from 'vitest';
import type { CapacityMeta } from '../../../src/contracts/capacity.js';
import { buildHtmlReport } from '../../../src/reporters/html/page.js';
import {
  attributionTable,
  levelsTable,
  renderCapacity,
} from '../../../src/reporters/html/render-capacity.js';
import { capacityResult } from '../../helpers/capacity-result.js';
import { reportOf, testRecord } from './report-fixtures.js';

function section(result: CapacityMeta): string {
  return renderCapacity({ id: 'test-1-capacity-1', result, charts: [] });
}

/** The table rows' cells as text (tags dropped). */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)]
    .filter(([, r]) => r.includes('<td>'))
    .map(([, r]) => [...r.matchAll(/<td>(.*?)<\/td>/g)].map(([, c]) => c.replace(/<[^>]+>/g, '')));
}

describe('renderCapacity', () => {
  test('the headline: breaking point with its lines, or limit not reached', () => {
    expect(section(capacityResult())).toContain(
      'breaking point: 36 users (95%: passes at 36, fails at 37 on p95)',
    );
    const top = section(capacityResult({ outcome: 'limit-not-reached', firstFailing: null }));
    expect(top).toContain('no breaking point up to 36 users (limit not reached)');
    expect(top).toContain('<span class="badge inconclusive">limit-not-reached</span>');
  });

  test('the levels table: verdict per level, rps, p95 with interval, extensions and marks', () => {
    const body = rows(levelsTable(capacityResult()));
    expect(body.map((r) => r[0])).toEqual(['10', '20', '30', '35', '36', '37', '40']);
    expect(body[2]).toEqual([
      '30',
      'pass',
      '270 req/s',
      '180 ms [171, 189]',
      '0.1%',
      '2.0 s',
      '1',
      'knee',
      '',
    ]);
    expect(body[5].slice(1, 2)).toEqual(['fail']);
    expect(body[5][7]).toBe('first failing, refine, extended ×2');
    expect(body[4][7]).toBe('capacity, refine');
  });

  test('the attribution table: readings at knee and first failing level, since when, saturated first', () => {
    const html = attributionTable(capacityResult());
    expect(html).toContain('<th scope="col">at the first failing (37 users)</th>');
    expect(rows(html)).toEqual([
      [
        'workers pool_workers (saturated first)',
        'pool_workers_busy 4.0 of 4',
        'pool_workers_busy 4.0 of 4',
        'yes',
        '30 users',
      ],
      [
        'queue pool_queue_length',
        'pool_queue_length max 0',
        'pool_queue_length max 3',
        'yes',
        '35 users',
      ],
      ['CPU', 'CPU 0.40 of 2 cores', 'CPU 0.40 of 2 cores', 'no', '–'],
    ]);
  });

  test('the generator-bound warning, and why attribution was not possible', () => {
    const bound = section(capacityResult({ generatorBound: true }));
    expect(bound).toContain('a lower bound set by the generator, not by the target');
    const result = capacityResult();
    result.attribution = {
      ...result.attribution,
      possible: false,
      reason: 'no metrics source',
      limitedBy: [],
    };
    expect(section(result)).toContain('Attribution not possible: no metrics source');
    expect(section(capacityResult())).not.toContain('Warnings');
  });

  test('user strings are escaped: resource names, readings, warnings', () => {
    const result = capacityResult({ warnings: ['<script>w</script>'] });
    result.levels = result.levels.map((l) => ({
      ...l,
      resources: [
        { resource: '<b>pool</b>', value: 1, limit: 1, saturated: true, text: '"1 of 1" & <i>' },
      ],
    }));
    const html = section(result);
    expect(html).toContain('&lt;b&gt;pool&lt;/b&gt;');
    expect(html).toContain('&quot;1 of 1&quot; &amp; &lt;i&gt;');
    expect(html).toContain('&lt;script&gt;w&lt;/script&gt;');
    expect(html).not.toMatch(/<b>pool|<i>|<script>w/);
  });

  test('on the page: the section and its two charts in the chart data', () => {
    const record = { ...testRecord('capacity', []), capacity: [capacityResult()] };
    const html = buildHtmlReport(reportOf([record]));
    expect(html).toContain('<div class="capacity" id="test-1-capacity-1">');
    expect(html).toContain('data-chart="test-1-capacity-1-throughput"');
    expect(html).toContain('data-chart="test-1-capacity-1-p95"');
    const data = JSON.parse(/id="chart-data">(.*?)<\/script>/s.exec(html)![1]) as {
      charts: Array<{ id: string; xUnit?: string }>;
    };
    expect(data.charts.map((c) => [c.id, c.xUnit])).toEqual([
      ['test-1-capacity-1-throughput', 'users'],
      ['test-1-capacity-1-p95', 'users'],
    ]);
  });
});
