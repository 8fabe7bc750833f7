import { relative } from 'node:path';
import type { MatcherState } from 'vitest';
import { toBaselineEntry, runNameOf, type BaselineEntry } from '../baseline/baseline-entry.js';
import {
  baselinePath,
  findEntry,
  readBaselineFile,
  writeEntry,
} from '../baseline/baseline-file.js';
import { resolveBaselineOptions, type PerfBaselineOptions } from '../baseline/baseline-options.js';
import {
  compareToBaseline,
  incomparability,
  type MetricComparison,
} from '../baseline/compare-baseline.js';
import { describeComparison } from '../baseline/describe-comparison.js';
import { BASELINE_MATCHER, comparisonVerdict } from '../baseline/judge-baseline.js';
import { splitBaseline } from '../baseline/split-baseline.js';
import { fingerprintDifference, machineFingerprint } from '../baseline/fingerprint.js';
import { parseTolerances, type BaselineTolerances } from '../baseline/tolerance.js';
import { updateMode } from '../baseline/update-mode.js';
import { InvalidOptionError } from '../errors.js';
import { isRunResult, type RunResult } from '../contracts/run-result.js';
import { describeReceived } from '../format/message.js';
import { splitSubjectOf } from '../split/subjects.js';
import { record, verdicts, type MatcherResult } from './verdict.js';

const MATCHER = BASELINE_MATCHER;
const BASELINE_HEAD = { matcher: MATCHER, metric: 'baseline', unit: '' };

interface Where {
  file: string;
  test: string;
  run: string;
}

/** One figure's comparison, recorded as comparisonVerdict() builds it, with this call's `.not`. */
function recordComparison(
  state: MatcherState,
  where: Where,
  entry: BaselineEntry,
  c: MetricComparison,
): void {
  const {
    pass,
    message,
    negated: _negated,
    ...fields
  } = comparisonVerdict(c, {
    file: where.file,
    recordedAt: entry.recordedAt,
  });
  verdicts(state, { matcher: MATCHER }).record(pass, message, fields);
}

function written(
  state: MatcherState,
  where: Where,
  entry: BaselineEntry,
  rewritten: boolean,
): MatcherResult {
  const message =
    `${MATCHER}: baseline ${rewritten ? 're' : ''}written to ${where.file} for "${where.test}" ` +
    `/ ${where.run} (profile ${entry.profile}, n=${entry.latency.count}, p95 ` +
    `${entry.latency.p95 ?? 'n/a'} ms); commit it`;
  const baseline = {
    value: null,
    outcome: 'written' as const,
    file: where.file,
    recordedAt: entry.recordedAt,
  };
  return verdicts(state, BASELINE_HEAD).stated('pass', 'pass', message, {
    threshold: 'written',
    baseline,
  });
}

function missingInCI(state: MatcherState, where: Where): MatcherResult {
  const message =
    `${MATCHER}: no perf baseline for "${where.test}" / ${where.run} in ${where.file}, and ` +
    'baselines are never written in CI. ' +
    `Create it on a quiet machine at the profile CI runs: \`STRESS_PROFILE=<profile> npx ` +
    `vitest run <spec> -u\` (-u last, or it swallows the spec path; or a first local run ` +
    `without CI set), then commit ${where.file}.`;
  return verdicts(state, BASELINE_HEAD).stated('fail', 'pass', message, { threshold: 'missing' });
}

function judge(
  state: MatcherState,
  where: Where,
  entry: BaselineEntry,
  run: RunResult,
  tolerances: BaselineTolerances,
  options: PerfBaselineOptions | undefined,
): MatcherResult {
  const parsed = parseTolerances(tolerances);
  const resolved = resolveBaselineOptions(options);
  const notComparable = incomparability(
    entry,
    run,
    fingerprintDifference(entry.fingerprint, machineFingerprint()),
  );
  const comparisons = compareToBaseline(entry, run, parsed, resolved).map((c): MetricComparison =>
    notComparable && c.outcome !== 'inconclusive'
      ? { ...c, outcome: 'inconclusive', reason: notComparable }
      : c,
  );
  for (const c of comparisons) recordComparison(state, where, entry, c);
  const fails = comparisons.some(
    (c) =>
      c.outcome === 'regression' ||
      (c.outcome === 'inconclusive' && resolved.inconclusive === 'fail'),
  );
  const message = [
    `${MATCHER} (${where.file}, "${where.test}" / ${where.run}, recorded ${entry.recordedAt} ` +
      `at profile ${entry.profile}):`,
    ...comparisons.map((c) => `  ${describeComparison(c)}`),
  ].join('\n');
  return { pass: !fails, message: () => message };
}

/**
 * Compare a run with its baseline in `__perf__/<spec>.json` (keyed by test full name and run
 * name): regression only when the figure's interval lies wholly past its tolerance. Writes the
 * baseline when it is missing (never in CI) and rewrites it with `vitest -u`.
 */
export function toMatchPerfBaseline(
  this: MatcherState,
  received: unknown,
  tolerances: BaselineTolerances,
  options?: PerfBaselineOptions,
): MatcherResult {
  if (this.isNot)
    throw new InvalidOptionError(
      MATCHER,
      '.not',
      'no .not: a baseline comparison has three outcomes, use it without .not',
    );
  if (!isRunResult(received)) {
    const message =
      `${MATCHER}: expected a vitest-stress run result (from load() or measure()), received ` +
      `${describeReceived(received)}`;
    return verdicts(this, BASELINE_HEAD).refuse(message, { threshold: '' });
  }
  parseTolerances(tolerances);
  resolveBaselineOptions(options);
  if (!this.testPath || !this.currentTestName)
    throw new InvalidOptionError(
      MATCHER,
      'outside a test',
      'a call inside a Vitest test (the baseline is keyed by its file and name)',
    );
  const path = baselinePath(this.testPath);
  const where: Where = {
    file: relative(process.cwd(), path),
    test: this.currentTestName,
    run: runNameOf(received),
  };
  const mode = updateMode(this);
  const entry = findEntry(readBaselineFile(path), where.test, where.run);
  // A split run (STRESS_SPLIT): provisional verdicts, compared again by vitest-stress merge.
  const judged = splitSubjectOf(received);
  if (judged) {
    const split = splitBaseline({
      ...where,
      mode,
      entry,
      result: received,
      judged,
      tolerances,
      options,
    });
    for (const verdict of split.verdicts) record(this, verdict);
    return { pass: split.pass, message: () => split.message };
  }
  if (mode === 'all' || (!entry && mode === 'new')) {
    const fresh = toBaselineEntry(where.test, received);
    writeEntry(path, fresh);
    return written(this, where, fresh, entry !== undefined);
  }
  if (!entry) return missingInCI(this, where);
  return judge(this, where, entry, received, tolerances, options);
}
