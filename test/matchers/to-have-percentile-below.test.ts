import { describe, expect, test } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

const run = linearRun(1000);

describe('.toHavePercentileBelow', () => {
  test('judges any percentile from the histogram', () => {
    expect(run).toHavePercentileBelow(80, 805);
    expect(() => expect(run).toHavePercentileBelow(80, 795)).toThrow(
      'expected p80 below 795 ms, got 800.3 ms',
    );
  });
  test('uses the summary for the standard percentiles', () => {
    expect(() => expect(run).toHavePercentileBelow(99.9, 990)).toThrow(
      /^expected p999 below 990 ms, got 999.4 ms/,
    );
  });
  test('rejects a percentile outside (0, 100]', () => {
    expect(() => expect(run).toHavePercentileBelow(150, 10)).toThrow(
      'toHavePercentileBelow: threshold must be given with a percentile in (0, 100], received percentile number 150',
    );
    expect(() => expect(run).not.toHavePercentileBelow(0, 10)).toThrow(/percentile in \(0, 100\]/);
  });
  test('zero samples never pass', () => {
    expect(() =>
      expect(fakeRun([{ latencyMs: 1, status: 502 }])).toHavePercentileBelow(75, 1e6),
    ).toThrow(/no successful responses to judge p75/);
  });
});

describe('.not.toHavePercentileBelow', () => {
  test('passes when the percentile is at or above', () => {
    expect(run).not.toHavePercentileBelow(80, 795);
  });
  test('fails when the percentile is below', () => {
    expect(() => expect(run).not.toHavePercentileBelow(80, 805)).toThrow(
      'expected p80 not below 805 ms, got 800.3 ms',
    );
  });
});
