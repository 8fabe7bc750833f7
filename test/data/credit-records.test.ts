import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, test } from 'vitest';
import { CREDIT_FEATURES, generateCreditRecords, type CreditRecord } from '../../src/data/index.js';
import { InvalidOptionError } from '../../src/errors.js';

const records = generateCreditRecords(5000, { seed: 42 });

/** Pearson correlation over records where both fields are present. */
function correlation(rows: CreditRecord[], a: keyof CreditRecord, b: keyof CreditRecord): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const r of rows) {
    if (r[a] === null || r[b] === null) continue;
    xs.push(Number(r[a]));
    ys.push(Number(r[b]));
  }
  return sampleCorrelation(xs, ys);
}

describe('generateCreditRecords', () => {
  test('has the documented shape', () => {
    expect(records).toHaveLength(5000);
    for (const r of records.slice(0, 200)) {
      expect(r.applicant_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.application_date).toMatch(/^2024-\d\d-\d\d$/);
      if (r.credit_score !== null) expect(r.credit_score).toBeGreaterThanOrEqual(300);
      if (r.credit_score !== null) expect(r.credit_score).toBeLessThanOrEqual(850);
      if (r.debt_ratio !== null) expect(r.debt_ratio).toBeGreaterThan(0);
      if (r.age !== null) expect(r.age).toBeGreaterThanOrEqual(18);
      expect(typeof r.approved).toBe('boolean');
    }
  });

  test.each([
    ['credit_score', 'income', 0.4, 0.6],
    ['credit_score', 'debt_ratio', -0.55, -0.35],
    ['credit_score', 'approved', 0.5, 0.7],
    ['debt_ratio', 'approved', -0.55, -0.35],
    ['income', 'loan_amount', 0.6, 0.8],
  ] as const)('corr(%s, %s) is within [%d, %d]', (a, b, lo, hi) => {
    const r = correlation(records, a, b);
    expect(r).toBeGreaterThanOrEqual(lo);
    expect(r).toBeLessThanOrEqual(hi);
  });

  test('about 5% of feature values are missing (5 ± 1%), and only feature values', () => {
    let nulls = 0;
    for (const r of records) for (const f of CREDIT_FEATURES) if (r[f] === null) nulls++;
    const rate = nulls / (records.length * CREDIT_FEATURES.length);
    expect(rate).toBeGreaterThanOrEqual(0.04);
    expect(rate).toBeLessThanOrEqual(0.06);
    expect(
      records.every((r) => r.gender !== null && r.ethnicity !== null && r.approved !== null),
    ).toBe(true);
  });

  test.each([42, 1, 2024])('approval rate is 60–70%% (seed %d)', (seed) => {
    const rows = seed === 42 ? records : generateCreditRecords(5000, { seed });
    const rate = rows.filter((r) => r.approved).length / rows.length;
    expect(rate).toBeGreaterThanOrEqual(0.6);
    expect(rate).toBeLessThanOrEqual(0.7);
  });

  test('the same seed gives identical output; another seed does not', () => {
    expect(JSON.stringify(generateCreditRecords(300, { seed: 42 }))).toBe(
      JSON.stringify(records.slice(0, 300)),
    );
    expect(generateCreditRecords(5, { seed: 43 })[0].applicant_id).not.toBe(
      records[0].applicant_id,
    );
  });

  test('the disparity option moves approval between groups', () => {
    const rate = (rows: CreditRecord[], g: string) => {
      const group = rows.filter((r) => r.ethnicity === g);
      return group.filter((r) => r.approved).length / group.length;
    };
    const fair = generateCreditRecords(5000, { seed: 42, disparity: 0 });
    expect(rate(records, 'group_a') - rate(records, 'group_b')).toBeGreaterThan(
      Math.abs(rate(fair, 'group_a') - rate(fair, 'group_b')),
    );
  });

  test.each([
    [-1, {}, 'n'],
    [1.5, {}, 'n'],
    [10, { seed: 0.5 }, 'seed'],
    [10, { missingRate: 0.9 }, 'missingRate'],
    [10, { disparity: -1 }, 'disparity'],
  ])('rejects n=%s %o naming "%s"', (n, options, field) => {
    expect(() => generateCreditRecords(n, options)).toThrow(InvalidOptionError);
    expect(() => generateCreditRecords(n, options)).toThrow(`"${field}"`);
  });
});
