import { describe, expect, test } from 'vitest';
import { parseTolerances } from '../../src/baseline/tolerance.js';

describe('parseTolerances', () => {
  test('percentiles as +N%, error rate as +Npp, throughput as -N%', () => {
    expect(parseTolerances({ p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' })).toEqual([
      { metric: 'p95', kind: 'ratio', text: '+10%', maxRatio: 1.1 },
      { metric: 'errorRate', kind: 'difference', text: '+0.5pp', maxIncrease: 0.005 },
      { metric: 'throughput', kind: 'ratio', text: '-10%', minRatio: 0.9 },
    ]);
  });

  test('an unknown key is a coded error with a suggestion', () => {
    expect(() => parseTolerances({ P95: '+10%' })).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_UNKNOWN_OPTION',
        field: 'P95',
        suggestion: 'p95',
      }),
    );
    expect(() => parseTolerances({ latency: '+10%' })).toThrow(
      new RegExp(
        String.raw`unknown option "latency" in toMatchPerfBaseline tolerances \(known: p50, ` +
          String.raw`p75, p90, p95, p99, p999, errorRate, throughput\)`,
      ),
    );
  });

  test('a value in the wrong form is a coded error naming the field and the form', () => {
    expect(() => parseTolerances({ p95: '10%' })).toThrow(
      `invalid option "toMatchPerfBaseline.p95": got "10%", expected a string like '+10%'`,
    );
    expect(() => parseTolerances({ errorRate: '+0.5%' })).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        field: 'toMatchPerfBaseline.errorRate',
      }),
    );
    expect(() => parseTolerances({ throughput: '+10%' })).toThrow(/expected a string like '-10%'/);
    expect(() => parseTolerances({ throughput: '-100%' })).toThrow(
      /toMatchPerfBaseline.throughput/,
    );
    expect(() => parseTolerances({ p95: 0.1 })).toThrow(/got 0.1/);
  });

  test('nothing to compare is an error', () => {
    expect(() => parseTolerances({})).toThrow(/at least one of p50/);
    expect(() => parseTolerances('+10%')).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION' }),
    );
  });
});
