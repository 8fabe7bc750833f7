import type { MatcherState } from 'vitest';
import type { SlaVerdict, VerdictState } from '../contracts/meta.js';
import type { InconclusivePolicy } from '../trust/inconclusive.js';
import { recordVerdictInTest, verdictTest } from '../vitest/current-test.js';

/** What a matcher returns to Vitest. Vitest fails the assertion when `pass === isNot`. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** The fields a verdict carries besides the ones this module sets (`negated`, `pass`). */
export type VerdictFields = Omit<SlaVerdict, 'negated' | 'pass' | 'message'>;

/** What Vitest's diff shows beside the message (the observed figure and the threshold). */
export type Shown = Pick<MatcherResult, 'actual' | 'expected'>;

/** The state after `.not`: pass and fail swap, inconclusive stays inconclusive. */
export function afterNot(state: VerdictState, isNot: boolean): VerdictState {
  if (!isNot || state === 'inconclusive') return state;
  return state === 'pass' ? 'fail' : 'pass';
}

/** True when a state (after `.not`) fails the test: fail, or inconclusive under policy 'fail'. */
export function failsTest(state: VerdictState, inconclusive: InconclusivePolicy = 'pass'): boolean {
  return state === 'fail' || (state === 'inconclusive' && inconclusive === 'fail');
}

/** Vitest's `pass` that makes the assertion fail exactly when `fails` (with or without `.not`). */
export function vitestPass(fails: boolean, isNot: boolean): boolean {
  return isNot ? fails : !fails;
}

/**
 * Record a verdict in the test that judged it, if any (matchers also work outside a test):
 * the scoped test, else the one the expect names (exact for the test context's expect).
 */
export function record(state: MatcherState, verdict: SlaVerdict): void {
  const test = (state as MatcherState & { task?: Parameters<typeof recordVerdictInTest>[1] }).task;
  recordVerdictInTest(verdict, verdictTest(test ?? undefined));
}

/** One matcher call's verdicts: every one recorded with the call's `.not`, built one way. */
export interface Verdicts {
  readonly isNot: boolean;
  /**
   * Bad input or nothing to judge: recorded as not passing, and the assertion fails with and
   * without `.not` (zero samples never pass).
   */
  refuse(message: string, fields?: Partial<VerdictFields>): MatcherResult;
  /** A point verdict; `held` is whether the expectation held before `.not`. */
  point(
    held: boolean,
    message: string,
    fields?: Partial<VerdictFields>,
    shown?: Shown,
  ): MatcherResult;
  /**
   * A verdict with confidence; `positive` is the state before `.not`. Inconclusive fails the
   * test only under `inconclusive: 'fail'`. Recorded `pass` is true for a pass only.
   */
  stated(
    positive: VerdictState,
    inconclusive: InconclusivePolicy,
    message: string,
    fields?: Partial<VerdictFields>,
    shown?: Shown,
  ): MatcherResult;
  /** Record a verdict as given (`pass` after `.not`), with this call's fields and `.not`. */
  record(pass: boolean, message: string, fields?: Partial<VerdictFields>): void;
}

/** The verdicts of one matcher call; `head` holds what they share (matcher, metric, unit ...). */
export function verdicts(
  state: MatcherState,
  head: Partial<VerdictFields> & Pick<SlaVerdict, 'matcher'>,
): Verdicts {
  const isNot = state.isNot === true;
  const put = (pass: boolean, message: string, fields: Partial<VerdictFields> = {}): void => {
    const verdict = { metric: '', unit: '', threshold: '', observed: null, ...head, ...fields };
    record(state, { ...verdict, pass, negated: isNot, message });
  };
  return {
    isNot,
    refuse(message, fields) {
      put(false, message, { observed: null, ...fields });
      return { pass: isNot, message: () => message };
    },
    point(held, message, fields, shown) {
      put(held !== isNot, message, fields);
      return { pass: held, message: () => message, ...shown };
    },
    stated(positive, inconclusive, message, fields, shown) {
      const verdictState = afterNot(positive, isNot);
      put(verdictState === 'pass', message, { ...fields, state: verdictState });
      const pass = vitestPass(failsTest(verdictState, inconclusive), isNot);
      return { pass, message: () => message, ...shown };
    },
    record: put,
  };
}
