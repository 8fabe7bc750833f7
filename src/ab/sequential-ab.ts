import { InvalidOptionError, UnknownOptionError } from '../errors.js';
import type { AbResult, AbRound, AbSequentialReport } from '../contracts/ab-result.js';
import { tLookBounds } from '../sequential/t-boundaries.js';
import { judgeAb, type AbTolerances } from './judge-ab.js';
import { parseTolerances } from '../baseline/tolerance.js';

/** `compareTargets({ sequential })`: add ABBA round pairs until the comparison is decided. */
export interface SequentialAbOptions {
  /** Rounds before the first look; even, >= 4 (default 4). */
  minRounds?: number;
  /** Rounds at most; even, >= minRounds (default 20). */
  maxRounds?: number;
  /** What each look judges; default { p95: '+10%' } (the toShowNoRegression syntax). */
  tolerances?: AbTolerances;
  /** 1 − α over all looks together, in (0.5, 1); default 0.95. */
  confidence?: number;
}

/** Validated sequential A/B options. */
export interface SequentialAbPlan {
  minRounds: number;
  maxRounds: number;
  tolerances: AbTolerances;
  alpha: number;
}

const KEYS = ['minRounds', 'maxRounds', 'tolerances', 'confidence'];

/** Check `sequential`; throws coded errors naming the field. */
export function resolveSequentialAb(value: unknown): SequentialAbPlan {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError(
      'sequential',
      value,
      '{ minRounds?, maxRounds?, tolerances?, confidence? }',
    );
  }
  const o = value as Record<string, unknown>;
  const unknown = Object.keys(o).find((key) => !KEYS.includes(key));
  if (unknown !== undefined)
    throw new UnknownOptionError(
      `sequential.${unknown}`,
      undefined,
      `sequential (allowed: ${KEYS.join(', ')})`,
    );
  const even = (key: string, fallback: number, min: number): number => {
    const n = o[key] ?? fallback;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n % 2 !== 0) {
      throw new InvalidOptionError(`sequential.${key}`, n, `an even integer >= ${min}`);
    }
    return n;
  };
  const minRounds = even('minRounds', 4, 4);
  const maxRounds = even('maxRounds', Math.max(20, minRounds), minRounds);
  const confidence = o.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0.5 && confidence < 1)) {
    throw new InvalidOptionError(
      'sequential.confidence',
      confidence,
      'a number in (0.5, 1) such as 0.95',
    );
  }
  const tolerances = (o.tolerances ?? { p95: '+10%' }) as AbTolerances;
  parseTolerances(tolerances, 'compareTargets sequential.tolerances');
  return { minRounds, maxRounds, tolerances, alpha: 1 - confidence };
}

/** What a look at the rounds so far decided. */
export interface AbLook {
  state: 'pass' | 'fail' | 'inconclusive';
  /** Per-bound confidence this look judged at. */
  lookConfidence: number;
}

/** The rounds of every look of `plan`: each pair from minRounds to maxRounds. */
export function lookRounds(plan: SequentialAbPlan): number[] {
  const rounds: number[] = [];
  for (let r = plan.minRounds; r <= plan.maxRounds; r += 2) rounds.push(r);
  return rounds;
}

/**
 * One look at `rounds` (after an even number >= minRounds): judgeAb at this look's confidence.
 * α is spent by the O'Brien–Fleming-type function over rounds / maxRounds, and each look's
 * boundary for the paired t-statistic is set so that the chance of a wrong conclusive verdict at
 * this look and at no earlier one is at most its share (tLookBounds): at most α over all looks.
 */
export function lookAtRounds(
  rounds: AbRound[],
  ab: Omit<AbResult, 'rounds'>,
  plan: SequentialAbPlan,
): AbLook {
  const bound = tLookBounds(lookRounds(plan), plan.alpha).find((b) => b.n === rounds.length);
  if (bound === undefined || bound.boundary === Infinity) {
    return { state: 'inconclusive', lookConfidence: bound?.confidence ?? 1 - plan.alpha };
  }
  const judgement = judgeAb({ ...ab, rounds }, plan.tolerances, bound.confidence);
  return { state: judgement.state, lookConfidence: bound.confidence };
}

/** The report of a sequential comparison. */
export function sequentialAbReport(
  plan: SequentialAbPlan,
  roundsUsed: number,
  last: AbLook | undefined,
  aborted: boolean,
): AbSequentialReport {
  const state = last?.state ?? 'inconclusive';
  const decided = state !== 'inconclusive';
  return {
    confidence: 1 - plan.alpha,
    method: 'obrien-fleming-spending',
    tolerances: { ...(plan.tolerances as Record<string, string>) },
    minRounds: plan.minRounds,
    maxRounds: plan.maxRounds,
    roundsUsed,
    stoppedBecause: decided ? 'decided' : aborted ? 'aborted' : 'max-rounds',
    state,
    lookConfidence: last?.lookConfidence ?? 1 - plan.alpha,
  };
}
