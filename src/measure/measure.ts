import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import {
  validateMeasureOptions,
  type MeasureOptions,
  type ResolvedMeasureOptions,
} from './measure-options.js';
import { NO_ERROR, errorMessage, timedCall, type CallSink } from './timed-call.js';
import { activeProfileName } from '../options/profile.js';
import { Recorder, type RecorderReport } from '../recorder/recorder.js';
import type { Finish } from '../recorder/tally.js';
import { buildResult, type RunResultWithPhases } from '../result/build-result.js';
import type { RunSummary } from '../contracts/run-result.js';
import { runSignal } from '../vitest/run-signal.js';
import { currentTest, recordRunInTest } from '../vitest/current-test.js';
import { takeTestOption } from '../vitest/explicit-test.js';

export type { MeasureOptions } from './measure-options.js';

// The recorder only knows HTTP-shaped outcomes; a call that returned is recorded as a 200
// and the status codes are dropped from the result.
const RETURNED: Finish = { kind: 'response', status: 200 };
// Below this share of wall time spent inside fn, throughput mostly measures the harness.
const BUSY_SHARE_WARNING = 0.5;

/**
 * Call `fn` (sync or async) over and over, one call at a time, on tinybench, and measure
 * each call. Resolves with a run result of the same shape as load()'s (`model: 'in-process'`):
 * `latency` is the duration of each call that returned, in ms (fractional, microsecond
 * resolution); `throughput` is calls per second of wall time; a call that throws is an error
 * with its message and the run goes on. When `options.signal` or the Vitest test's signal
 * aborts, the run stops after the call in progress; an async call still pending is abandoned
 * and counted as cancelled. Throws only for bad options (coded).
 */
export async function measure(
  fn: () => unknown,
  options?: MeasureOptions,
): Promise<RunResultWithPhases> {
  const { test: explicitTest, rest } = takeTestOption(options ?? {});
  const resolved = validateMeasureOptions(fn, rest);
  const profile = activeProfileName();
  const test = explicitTest ?? currentTest();
  const stop = runSignal(resolved.signal, test);

  const startedAt = new Date();
  // The recorder reads this clock: each call is fed to it afterwards with its own start and
  // end, so the recorder's book-keeping stays outside the timed window.
  let clockMs = performance.now();
  let recorder: Recorder | undefined;
  let busyMs = 0;
  const startRecording = () => {
    clockMs = performance.now();
    recorder = new Recorder({ idPrefix: 'call-', ledger: false, now: () => clockMs });
    recorder.setUsers(1);
  };
  const sink: CallSink = {
    ended(startMs, endMs, error) {
      if (!recorder) return; // warmup
      clockMs = startMs;
      const ticket = recorder.begin(resolved.name);
      clockMs = endMs;
      recorder.end(
        ticket,
        error === NO_ERROR ? RETURNED : { kind: 'error', message: errorMessage(error) },
      );
      busyMs += endMs - startMs;
    },
    abandoned(startMs) {
      if (!recorder) return;
      clockMs = startMs;
      recorder.begin(resolved.name); // left in flight: finish() counts it as cancelled
      clockMs = performance.now();
    },
  };

  const bench = new Bench({
    time: resolved.durationMs,
    iterations: resolved.iterations,
    warmup: resolved.warmupMs > 0,
    warmupTime: resolved.warmupMs,
    warmupIterations: 1,
    signal: stop.signal,
  });
  bench.add(resolved.name, timedCall(fn, sink, stop.signal), {
    // Said explicitly: tinybench would otherwise call fn once, unrecorded, to find out.
    async: true,
    beforeAll: (mode) => {
      if (mode === 'run') startRecording();
    },
    afterAll: (mode) => {
      if (mode === 'run') clockMs = performance.now();
    },
  });
  try {
    await bench.run();
  } finally {
    stop.unlink();
  }

  if (!recorder) startRecording(); // aborted before the first call
  const report = withoutStatusCodes(recorder!.finish());
  const result = buildResult({
    report,
    model: 'in-process',
    engine: 'tinybench',
    profile,
    target: `in-process:${resolved.name}`,
    startedAt,
    warnings: warningsFor(report, busyMs, stop.signal.aborted),
    options: describeMeasureOptions(resolved),
  });
  recordRunInTest(result, test);
  return result;
}

function warningsFor(report: RecorderReport, busyMs: number, aborted: boolean): string[] {
  const warnings: string[] = [];
  if (aborted) warnings.push(`run aborted after ${Math.round(report.durationMs)} ms`);
  const { cancelled } = report.total.requests;
  if (cancelled > 0)
    warnings.push(
      `${cancelled} call(s) still pending when the run was aborted were counted as cancelled`,
    );
  const calls = report.total.requests.total;
  if (calls > 0 && report.durationMs > 0 && busyMs / report.durationMs < BUSY_SHARE_WARNING) {
    const overheadUs = ((report.durationMs - busyMs) / calls) * 1000;
    warnings.push(
      `calls took ${Math.round((busyMs / report.durationMs) * 100)}% of the run's wall time ` +
        `(≈ ${overheadUs.toFixed(1)} µs of harness per call): ` +
        'throughput counts that overhead, latency does not',
    );
  }
  return warnings;
}

function withoutStatusCodes(report: RecorderReport): RecorderReport {
  const strip = (summary: RunSummary): RunSummary => ({ ...summary, statusCodes: {} });
  const each = (summaries: Record<string, RunSummary>) =>
    Object.fromEntries(Object.entries(summaries).map(([k, s]) => [k, strip(s)]));
  return {
    ...report,
    total: strip(report.total),
    scenarios: each(report.scenarios),
    phases: each(report.phases),
  };
}

/** The options as used, safe to serialise. */
function describeMeasureOptions(options: ResolvedMeasureOptions): Record<string, unknown> {
  const described: Record<string, unknown> = {
    name: options.name,
    durationMs: options.durationMs,
    iterations: options.iterations,
    warmupMs: options.warmupMs,
  };
  if (options.signal) described.signal = '[AbortSignal]';
  return described;
}
