import { describe, expect, test } from 'vitest';
import { validateCompareOptions } from '../../src/ab/ab-options.js';

const A = 'http://127.0.0.1:4001';
const B = 'http://127.0.0.1:4002';
const coded = (code: string, field: string) => expect.objectContaining({ code, field });

describe('compareTargets options', () => {
  test('a valid plan: both targets, rounds, one seed for every run, no ledger', () => {
    const plan = validateCompareOptions({
      baseline: A,
      candidate: B,
      rounds: 4,
      users: 2,
      duration: '1s',
    });
    expect(plan).toMatchObject({
      baseline: `${A}/`,
      candidate: `${B}/`,
      rounds: 4,
      warmupMs: 0,
      roundDurationMs: 1000,
    });
    expect(plan.load).toMatchObject({ users: 2, duration: '1s', ledger: false });
    expect(plan.load.seed).toEqual(expect.any(Number));
    expect(plan.load).not.toHaveProperty('baseline');
  });

  test('rounds default to 6', () => {
    expect(validateCompareOptions({ baseline: A, candidate: B }).rounds).toBe(6);
  });

  test.each([1, 0, 3, 2.5, '4'])('rounds %j is refused: an even integer >= 2', (rounds) => {
    expect(() => validateCompareOptions({ baseline: A, candidate: B, rounds })).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'rounds'),
    );
    expect(() => validateCompareOptions({ baseline: A, candidate: B, rounds })).toThrow(
      /an even integer >= 2/,
    );
  });

  test('both targets must be loopback unless allowRemote', () => {
    expect(() => validateCompareOptions({ baseline: 'http://example.com', candidate: B })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_REMOTE_TARGET' }),
    );
    expect(() => validateCompareOptions({ baseline: A, candidate: 'http://10.0.0.2:80' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_REMOTE_TARGET', target: 'http://10.0.0.2:80' }),
    );
    expect(
      validateCompareOptions({ baseline: A, candidate: 'http://10.0.0.2:80', allowRemote: true })
        .candidate,
    ).toBe('http://10.0.0.2/');
  });

  test('missing targets, target instead of baseline/candidate, unknown keys', () => {
    expect(() => validateCompareOptions({ candidate: B })).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'baseline'),
    );
    expect(() => validateCompareOptions({ baseline: A, candidate: B, target: A })).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'target'),
    );
    expect(() => validateCompareOptions({ baseline: A, candidate: B, round: 4 })).toThrow(
      /unknown option "round" in compareTargets options; did you mean "rounds"\?/,
    );
    expect(() => validateCompareOptions('fast')).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'options'),
    );
  });

  test('bad load options fail before any run, naming the field', () => {
    expect(() => validateCompareOptions({ baseline: A, candidate: B, users: -1 })).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'users'),
    );
    expect(() => validateCompareOptions({ baseline: A, candidate: B, warmup: 'soon' })).toThrow(
      coded('ERR_STRESS_INVALID_OPTION', 'warmup'),
    );
    expect(() =>
      validateCompareOptions({
        baseline: A,
        candidate: B,
        warmup: '1s',
        stages: [{ duration: '1s', users: 1 }],
      }),
    ).toThrow(coded('ERR_STRESS_INVALID_OPTION', 'warmup'));
  });
});
