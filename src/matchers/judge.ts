import type { MatcherState } from 'vitest';
import { isRunSummary } from '../contracts/run-result.js';
import type { SlaVerdict } from '../contracts/meta.js';
import { describeRun } from './describe.js';
import { describeReceived, formatNumber } from '../format/message.js';
import { splitSubjectOf } from '../split/subjects.js';
import type { ThresholdSpec } from './threshold-spec.js';
import { record, vitestPass, type MatcherResult } from './verdict.js';
import { resolveConfidence } from './confidence-options.js';
import { judgeWithConfidence } from './judge-confidence.js';
import { judgeSequential, sequentialVerdictFor } from './judge-sequential.js';

/** A threshold judged without side effects: what the matcher returns and the verdict to record. */
export interface ThresholdJudgement {
  result: MatcherResult;
  verdict: SlaVerdict;
  /** 'bad-input': not a run or a bad threshold; 'no-data': nothing to judge (zero samples); 'judged'. */
  outcome: 'bad-input' | 'no-data' | 'judged';
}

/**
 * Judge `received` against `spec` (with `.not` when `isNot`), recording nothing. Bad input and
 * "nothing to judge" fail with or without `.not` (zero samples never pass). Also used by
 * `vitest-stress merge` to re-judge a merged run.
 */
export function evaluateThreshold(
  received: unknown,
  spec: ThresholdSpec,
  isNot: boolean,
): ThresholdJudgement {
  const format = formatOf(spec);
  const verb = `${isNot ? 'not ' : ''}${spec.direction}`;
  const base = {
    matcher: spec.matcher,
    metric: spec.metric,
    unit: spec.unit,
    negated: isNot,
    ...(spec.percentile !== undefined ? { percentile: spec.percentile } : {}),
  };
  const fail = (message: string, outcome: ThresholdJudgement['outcome']): ThresholdJudgement => ({
    result: { pass: vitestPass(true, isNot), message: () => message },
    verdict: {
      ...base,
      threshold: thresholdForVerdict(spec.threshold),
      observed: null,
      pass: false,
      message,
    },
    outcome,
  });

  if (!isRunSummary(received)) {
    return fail(
      `${spec.matcher}: expected a vitest-stress run result (from load() or measure()), ` +
        `received ${describeReceived(received)}`,
      'bad-input',
    );
  }
  const threshold = spec.threshold;
  const complaint =
    typeof threshold !== 'number' || !Number.isFinite(threshold)
      ? `a finite number, received ${describeReceived(threshold)}`
      : spec.checkThreshold(threshold);
  if (complaint !== undefined)
    return fail(`${spec.matcher}: threshold must be ${complaint}`, 'bad-input');
  const limit = threshold as number;

  const observed = spec.observe(received);
  if (typeof observed === 'string')
    return fail(
      `expected ${spec.metric} ${verb} ${format(limit)}, but ${observed} ` +
        `(${describeRun(received, spec.countOf?.(received))})`,
      'no-data',
    );

  const pass = spec.direction === 'below' ? observed < limit : observed > limit;
  const message =
    `expected ${spec.metric} ${verb} ${format(limit)}, got ${format(observed)} ` +
    `(${describeRun(received, spec.countOf?.(received))})`;
  return {
    result: { pass, message: () => message, actual: observed, expected: limit },
    verdict: { ...base, threshold: limit, observed, pass: pass !== isNot, message },
    outcome: 'judged',
  };
}

/**
 * The shared body of every threshold matcher: judge, record the verdict in the test's meta for
 * the reporter, and return it to Vitest. With `options.confidence` the verdict is pass / fail /
 * inconclusive from the figure's interval (judgeWithConfidence). On one split of a split load
 * (STRESS_SPLIT) a judged threshold is provisional: recorded with `provisional: true` but
 * passing, because the threshold is meant for the whole load and `vitest-stress merge`
 * re-judges it on the merged figures.
 */
export function judgeThreshold(
  state: MatcherState,
  received: unknown,
  spec: ThresholdSpec,
  options?: unknown,
): MatcherResult {
  const isNot = state.isNot === true;
  const judgement = evaluateThreshold(received, spec, isNot);
  if (judgement.outcome !== 'judged') {
    record(state, judgement.verdict);
    return judgement.result;
  }
  const confidence = resolveConfidence(options);
  if (typeof confidence === 'string') {
    const message = `${spec.matcher}: ${confidence}`;
    record(state, { ...judgement.verdict, observed: null, pass: false, message });
    return { pass: vitestPass(true, isNot), message: () => message };
  }
  const judged = splitSubjectOf(received);
  if (judged) {
    record(state, { ...judgement.verdict, provisional: true, judged });
    const message = `provisional (split run, re-judged by vitest-stress merge): ${judgement.verdict.message}`;
    return { pass: vitestPass(false, isNot), message: () => message };
  }
  const sequential = isRunSummary(received) ? sequentialVerdictFor(received, spec) : undefined;
  if (sequential && isRunSummary(received)) {
    const observed = judgement.verdict.observed as number;
    const inconclusive = confidence?.inconclusive;
    return judgeSequential(state, received, spec, {
      verdict: sequential,
      observed,
      format: formatOf(spec),
      inconclusive,
    });
  }
  if (confidence && isRunSummary(received)) {
    const limit = spec.threshold as number;
    const observed = judgement.verdict.observed as number;
    return judgeWithConfidence(state, received, spec, {
      limit,
      observed,
      format: formatOf(spec),
      ...confidence,
    });
  }
  record(state, judgement.verdict);
  return judgement.result;
}

function formatOf(spec: ThresholdSpec): (value: number) => string {
  return spec.format ?? ((v: number) => `${formatNumber(v)}${spec.unit ? ` ${spec.unit}` : ''}`);
}

function thresholdForVerdict(threshold: unknown): number | string {
  return typeof threshold === 'number' ? threshold : describeReceived(threshold);
}
