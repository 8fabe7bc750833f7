import { evaluateThreshold } from '../matchers/judge.js';
import { thresholdSpecOf } from '../matchers/threshold-specs.js';
import type { RunMeta, SlaVerdict } from '../contracts/meta.js';

function partsOf(
  run: RunMeta,
  kind: 'phase' | 'scenario' | 'step' | 'journey',
): Record<string, { histogram?: string }> {
  if (kind === 'phase') return run.phases;
  if (kind === 'scenario') return run.scenarios;
  return (kind === 'step' ? run.steps : run.journeys) ?? {};
}

/** The part of a merged run a provisional verdict judged, or a reason it cannot be found. */
function judgedPart(verdict: SlaVerdict, runs: readonly RunMeta[]): object | string {
  const judged = verdict.judged;
  if (!judged) return 'the verdict does not say which run it judged';
  const run = runs[judged.run];
  if (!run) return `the test has no run #${judged.run + 1} in the merged results`;
  if (judged.kind === 'run') return run;
  const parts = partsOf(run, judged.kind);
  const part =
    judged.name === undefined || !Object.hasOwn(parts, judged.name)
      ? undefined
      : parts[judged.name];
  if (!part) return `run #${judged.run + 1} has no ${judged.kind} "${judged.name}"`;
  if (typeof part.histogram !== 'string' && verdict.unit === 'ms')
    return `${judged.kind} "${judged.name}" carries no histogram`;
  return part;
}

/**
 * Judge a split's provisional verdict again on the merged runs of its test, with the threshold,
 * percentile and `.not` it recorded. A verdict that cannot be re-judged (unknown matcher, missing
 * run or part) fails: its judgement was deferred to the merge, so it must not pass by default.
 */
export function rejudge(verdict: SlaVerdict, runs: readonly RunMeta[]): SlaVerdict {
  const { provisional: _provisional, ...rest } = verdict;
  const cannot = (why: string): SlaVerdict => ({
    ...rest,
    observed: null,
    pass: false,
    message: `${verdict.matcher}: cannot re-judge on the merged run: ${why}`,
  });
  const spec = thresholdSpecOf(verdict);
  if (!spec) return cannot(`${verdict.matcher} is not a threshold over a run's figures`);
  const part = judgedPart(verdict, runs);
  if (typeof part === 'string') return cannot(part);
  const { verdict: judged } = evaluateThreshold(part, spec, verdict.negated);
  return {
    ...judged,
    ...(verdict.judged ? { judged: verdict.judged } : {}),
    ...(verdict.subject ? { subject: verdict.subject } : {}),
  };
}

/** The same provisional check as recorded by several splits counts once: this is its identity. */
export function verdictKey(verdict: SlaVerdict): string {
  const j = verdict.judged;
  // A baseline check: its entry and settings too (each split's machine difference is not identity).
  const b = verdict.baseline?.split;
  return JSON.stringify([
    verdict.matcher,
    verdict.metric,
    verdict.negated,
    verdict.threshold,
    verdict.percentile ?? null,
    j?.run ?? null,
    j?.kind ?? null,
    j?.name ?? null,
    ...(b ? [b.test, b.run, b.entrySha256, b.confidence, b.seed, b.inconclusive] : []),
  ]);
}
