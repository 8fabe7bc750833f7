import { validateLoadOptions } from './options/validate-load.js';
import type { LoadOptions } from './options/load-options.js';
import { activeProfileName } from './options/profile.js';
import { Recorder } from './recorder/recorder.js';
import { RequestPlan } from './engine/request-plan.js';
import { selectDriver } from './engine/select-driver.js';
import { buildResult, describeOptions, type RunResultWithPhases } from './result/build-result.js';
import { runSignal } from './vitest/run-signal.js';
import { currentTest, recordRunInTest, runCountInTest } from './vitest/current-test.js';
import { takeTestOption } from './vitest/explicit-test.js';
import { startProgress } from './progress/progress.js';
import { startSplit, finishSplit } from './split/apply-split.js';
import { watchRun } from './sequential/watch-run.js';
import { SpillLedger } from './ledger-store/spill-ledger.js';
import { partialLedgerWarning } from './ledger-store/partial-ledger.js';
import { journeyDriverFor } from './journeys/journey-options.js';
import { resolveSplit } from './split/split-spec.js';

/**
 * Drive load at `options.target` and measure it. Resolves with a finished result — also when
 * the target is down, hangs or resets (those show up as errors and timeouts), and when the
 * run is aborted by `options.signal` or the Vitest test's timeout (stops within 1 s).
 * Throws only for bad options (coded StressError). The run is recorded in the test given as
 * `options.test` (the test context), else in the test whose call chain this is.
 */
export async function load(options: LoadOptions): Promise<RunResultWithPhases> {
  const { test: explicitTest, rest } = takeTestOption(options);
  const test = explicitTest ?? currentTest();
  const result = await runLoad(rest, test);
  recordRunInTest(result, test);
  return result;
}

/** A journey run's split (each feeder then hands out that split's share); undefined otherwise. */
function splitOfJourneys(options: LoadOptions) {
  return options.journeys === undefined ? undefined : resolveSplit(options.split);
}

/**
 * load() without recording the run in the test's meta: for callers that report their own
 * result built from several runs (compareTargets). `test` ties the run to the test's timeout.
 */
export async function runLoad(
  options: LoadOptions,
  test: ReturnType<typeof currentTest>,
): Promise<RunResultWithPhases> {
  const validated = validateLoadOptions(options);
  const journeys = journeyDriverFor(options, splitOfJourneys(options));
  const profile = activeProfileName();
  const stop = runSignal(validated.signal, test);

  // Split runs (STRESS_SPLIT, `split`): drive this process's share, from the common start.
  const split = await startSplit(validated, options.split, stop);
  const resolved = split.options;
  const startedAt = new Date();
  const ledger = resolved.ledger && new SpillLedger(resolved.requestIdPrefix, resolved.ledgerFile);
  const recorder = new Recorder({ idPrefix: resolved.requestIdPrefix, ledger });
  const plan = new RequestPlan(resolved);
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const driver = journeys?.driver ?? selectDriver(resolved);
  const progress = startProgress(recorder, resolved, profile);
  const watch =
    resolved.until && resolved.durationMs !== undefined
      ? watchRun(resolved.until, resolved.durationMs, recorder.startMs, () => recorder.liveTotal())
      : undefined;
  const signal = watch ? AbortSignal.any([stop.signal, watch.signal]) : stop.signal;
  let driverReport: Awaited<ReturnType<typeof driver>>;
  try {
    driverReport = await driver({ options: resolved, recorder, plan, signal, warn });
  } finally {
    progress.stop();
    stop.unlink();
  }
  const report = recorder.finish();
  const sequential = watch?.finish(report.durationMs, stop.signal.aborted);
  if (stop.signal.aborted) warn(`run aborted after ${Math.round(report.durationMs)} ms`);
  if (report.total.requests.cancelled > 0) {
    warn(
      `${report.total.requests.cancelled} request(s) still in flight at the end were counted as cancelled`,
    );
  }
  if (report.ledgerFile?.partial) warn(partialLedgerWarning(report.ledgerFile));
  const result = buildResult({
    report,
    model: resolved.model,
    engine: driverReport.engine,
    profile,
    target: resolved.target.href,
    startedAt,
    warnings,
    options: describeOptions(resolved),
  });
  journeys?.attach(result, report, resolved.requestIdPrefix);
  if (driverReport.schedule) result.schedule = driverReport.schedule;
  if (sequential) result.sequential = sequential;
  finishSplit(result, split, runCountInTest(test));
  return result;
}
