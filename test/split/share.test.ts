import { describe, expect, test } from 'vitest';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import { integerShare, rateShare, shareOptions } from '../../src/split/share.js';
import { resolveSplit, type SplitSpec } from '../../src/split/split-spec.js';
import { claimStartAt, waitForStart } from '../../src/split/start-gate.js';

const target = 'http://127.0.0.1:1';
const spec = (index: number, count: number): SplitSpec => ({
  index,
  count,
  startAtMs: undefined,
  source: 'split',
});
const splits = (count: number) => Array.from({ length: count }, (_, i) => spec(i + 1, count));

describe('shares of a split load', () => {
  test('integer shares add up to the whole, the first `whole % count` splits getting one more', () => {
    expect([1, 2, 3, 4].map((i) => integerShare(10, i, 4))).toEqual([3, 3, 2, 2]);
    for (const whole of [3, 7, 100, 101]) {
      for (const count of [1, 2, 3, 7]) {
        const shares = Array.from({ length: count }, (_, i) => integerShare(whole, i + 1, count));
        expect(shares.reduce((a, b) => a + b, 0)).toBe(whole);
      }
    }
    expect(rateShare(100, 3) * 3).toBeCloseTo(100, 9);
  });

  test('users, requests, rates and stage levels are divided; ids prefixed; seeds offset', () => {
    const closed = validateLoadOptions({
      target,
      users: 10,
      requests: 1000,
      seed: 7,
      requestIdPrefix: 'run-',
    });
    const shared = splits(3).map((s) => shareOptions(closed, s));
    expect(shared.map((o) => o.users)).toEqual([4, 3, 3]);
    expect(shared.map((o) => o.requests)).toEqual([334, 333, 333]);
    expect(shared.map((o) => o.requestIdPrefix)).toEqual(['s1-run-', 's2-run-', 's3-run-']);
    expect(new Set(shared.map((o) => o.seed)).size).toBe(3);
    expect(shared[0].seed).toBe(7);

    const staged = validateLoadOptions({
      target,
      stages: [
        { duration: '1s', rate: 90 },
        { duration: '1s', rate: 30, ramp: true },
      ],
    });
    const rates = splits(3).map((s) => shareOptions(staged, s).stages.map((st) => st.rate));
    expect(rates).toEqual([
      [30, 10],
      [30, 10],
      [30, 10],
    ]);
    expect(staged.stages.map((st) => st.rate)).toEqual([90, 30]);
  });

  test('a split that would get no users is refused with a coded error naming the field', () => {
    const closed = validateLoadOptions({ target, users: 2 });
    expect(() => shareOptions(closed, spec(3, 3))).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'users' }),
    );
  });
});

describe('the split setting', () => {
  test('STRESS_SPLIT and STRESS_START_AT are read; the option wins', () => {
    expect(
      resolveSplit(undefined, { STRESS_SPLIT: '2/4', STRESS_START_AT: '1700000000000' }),
    ).toEqual({ index: 2, count: 4, startAtMs: 1700000000000, source: 'STRESS_SPLIT' });
    expect(resolveSplit({ index: 1, count: 2 }, { STRESS_SPLIT: '2/4' })).toMatchObject({
      index: 1,
      count: 2,
      source: 'split',
    });
    expect(resolveSplit(undefined, {})).toBeUndefined();
  });

  test.each([['0/3'], ['4/3'], ['2'], ['a/b'], ['1/0']])('STRESS_SPLIT=%s is refused', (raw) => {
    expect(() => resolveSplit(undefined, { STRESS_SPLIT: raw })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'STRESS_SPLIT' }),
    );
  });

  test('a start more than 10 minutes ahead is refused', async () => {
    const s = { ...spec(1, 2), source: 'STRESS_SPLIT' as const };
    await expect(
      waitForStart(Date.now() + 11 * 60_000, s, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'STRESS_START_AT' });
  });

  test('a late start is measured and warned about; an abort ends the wait', async () => {
    const late = await waitForStart(Date.now() - 5000, spec(2, 3), new AbortController().signal);
    expect(late.lateStartMs).toBeGreaterThanOrEqual(5000);
    expect(late.warnings[0]).toMatch(/^split 2\/3 started \d+ ms after the common start/);
    const controller = new AbortController();
    const waiting = waitForStart(Date.now() + 60_000, spec(1, 3), controller.signal);
    controller.abort();
    await expect(waiting).resolves.toMatchObject({
      warnings: ['split 1/3: aborted while waiting for the common start'],
    });
  });

  test('STRESS_START_AT applies to the first load() only; an explicit startAt to every one', () => {
    const env = { index: 1, count: 2, startAtMs: 123, source: 'STRESS_SPLIT' as const };
    expect(claimStartAt(env)).toBe(123);
    expect(claimStartAt(env)).toBeUndefined();
    expect(claimStartAt({ ...env, source: 'split' })).toBe(123);
    expect(claimStartAt({ ...env, source: 'split' })).toBe(123);
  });
});
