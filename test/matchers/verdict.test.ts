import { describe, expect, test, type TestContext } from 'vitest';
import type { MatcherState } from 'vitest';
import type { SlaVerdict, VerdictState } from '../../src/contracts/meta.js';
import { afterNot, failsTest, verdicts, vitestPass } from '../../src/matchers/verdict.js';

const STATES: VerdictState[] = ['pass', 'fail', 'inconclusive'];

/** A matcher state whose verdicts land in this test's meta (read back with `recorded`). */
function stateOf(context: TestContext, isNot: boolean): MatcherState {
  return { isNot, task: context.task } as unknown as MatcherState;
}

function recorded(context: TestContext): SlaVerdict[] {
  return (
    (context.task.meta as { vitestStress?: { verdicts: SlaVerdict[] } }).vitestStress?.verdicts ??
    []
  );
}

/** Does Vitest fail the assertion? It does when pass === isNot. */
const assertionFails = (pass: boolean, isNot: boolean) => pass === isNot;

describe('afterNot, failsTest, vitestPass', () => {
  test('.not swaps pass and fail and leaves inconclusive', () => {
    expect(STATES.map((s) => afterNot(s, false))).toEqual(['pass', 'fail', 'inconclusive']);
    expect(STATES.map((s) => afterNot(s, true))).toEqual(['fail', 'pass', 'inconclusive']);
  });

  test('inconclusive fails the test only under the fail policy', () => {
    expect(STATES.map((s) => failsTest(s))).toEqual([false, true, false]);
    expect(STATES.map((s) => failsTest(s, 'fail'))).toEqual([false, true, true]);
  });

  test('vitestPass makes the assertion fail exactly when asked, with and without .not', () => {
    for (const isNot of [false, true]) {
      expect(assertionFails(vitestPass(true, isNot), isNot)).toBe(true);
      expect(assertionFails(vitestPass(false, isNot), isNot)).toBe(false);
    }
  });
});

describe('verdicts()', () => {
  const head = { matcher: 'toX', metric: 'p95', unit: 'ms' };

  test('refuse: recorded as failed; the assertion fails with and without .not', (context) => {
    for (const isNot of [false, true]) {
      const result = verdicts(stateOf(context, isNot), head).refuse('bad input', {
        threshold: 'x',
      });
      expect(assertionFails(result.pass, isNot)).toBe(true);
      expect(result.message()).toBe('bad input');
    }
    expect(recorded(context).map((v) => [v.pass, v.negated, v.observed, v.threshold])).toEqual([
      [false, false, null, 'x'],
      [false, true, null, 'x'],
    ]);
  });

  test('point: Vitest gets the raw outcome; the record whether it held after .not', (context) => {
    const cases = [
      [true, false],
      [false, false],
      [true, true],
      [false, true],
    ] as const;
    for (const [held, isNot] of cases) {
      const result = verdicts(stateOf(context, isNot), head).point(
        held,
        'm',
        { threshold: 5, observed: 3 },
        { actual: 3 },
      );
      expect(result.pass).toBe(held);
      expect(result.actual).toBe(3);
      expect(assertionFails(result.pass, isNot)).toBe(held === isNot);
    }
    expect(recorded(context).map((v) => v.pass)).toEqual([true, false, false, true]);
    expect(recorded(context)[0]).toMatchObject({
      ...head,
      threshold: 5,
      observed: 3,
      pass: true,
      negated: false,
      message: 'm',
    });
  });

  test('stated: records the state after .not; inconclusive fails under policy fail', (context) => {
    const failed = (positive: VerdictState, isNot: boolean, policy: 'pass' | 'fail') =>
      assertionFails(
        verdicts(stateOf(context, isNot), head).stated(positive, policy, 'm', { threshold: 1 })
          .pass,
        isNot,
      );
    expect([
      failed('pass', false, 'pass'),
      failed('fail', false, 'pass'),
      failed('inconclusive', false, 'pass'),
    ]).toEqual([false, true, false]);
    expect([
      failed('pass', true, 'pass'),
      failed('fail', true, 'pass'),
      failed('inconclusive', true, 'pass'),
    ]).toEqual([true, false, false]);
    expect([failed('inconclusive', false, 'fail'), failed('inconclusive', true, 'fail')]).toEqual([
      true,
      true,
    ]);
    expect(recorded(context).map((v) => [v.state, v.pass])).toEqual([
      ['pass', true],
      ['fail', false],
      ['inconclusive', false],
      ['fail', false],
      ['pass', true],
      ['inconclusive', false],
      ['inconclusive', false],
      ['inconclusive', false],
    ]);
  });
});
