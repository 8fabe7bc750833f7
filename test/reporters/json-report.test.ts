import { describe, expect, test } from 'vitest';
import { buildJsonReport } from '../../src/reporters/json-report.js';
import { RUN_INFO, testRecord } from './html/report-fixtures.js';
import { capacityResult } from '../helpers/capacity-result.js';

describe('buildJsonReport with a capacity search', () => {
  const capacity = capacityResult();
  const record = { ...testRecord('capacity', []), capacity: [capacity] };
  const report = JSON.parse(JSON.stringify(buildJsonReport([record], RUN_INFO)));

  test('carries the whole CapacityResult: levels, knee, USL fit, attribution', () => {
    expect(report.tests[0].capacity).toEqual([capacity]);
    const level = report.tests[0].capacity[0].levels[5];
    expect(level).toMatchObject({ level: 37, state: 'fail', runs: 3, phase: 'refine' });
    expect(level.lines[0]).toMatchObject({ metric: 'p95', low: 532, high: 588 });
  });

  test('counts a test with only a capacity search as a perf test', () => {
    expect(report.totals.perfTests).toBe(1);
    expect(buildJsonReport([testRecord('plain', [])], RUN_INFO).totals.perfTests).toBe(0);
  });
});
