import type { RunMeta } from '../../src/contracts/meta.js';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import type { RunSummary } from '../../src/contracts/run-result.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun } from './fake-run.js';

type Summary = Omit<RunSummary, 'histogram'>;

/** A real summary (recorder, fake clock) of `n` answers of 10..(10 + n − 1) ms, 200 of them ok. */
function summary(n: number): Summary {
  const run = toRunMeta(fakeRun(Array.from({ length: n }, (_, i) => ({ latencyMs: 10 + i }))));
  const { scenarios: _s, phases: _p, timeline: _t, ...rest } = run;
  return rest as unknown as Summary;
}

/**
 * A journey run's report record, built by hand: journey 'checkout' (300 started, 280 completed,
 * 15 failed at 'pay' — 12 'check failed: …', 3 'HTTP 500' — and 5 at 'login', so 'pay' and
 * 'receipt' were skipped) and journey '__proto__' (a name that must stay a name). Steps 'login',
 * 'pay' (13 of its failures by its check or a capture), 'receipt', 'a.b <x>'.
 */
export function journeyRun(): RunMeta {
  const base = steadyBase();
  const checkout = summary(300);
  const proto = summary(20);
  const step = (
    n: number,
    failed: number,
    skipped: number,
    errors: Summary['errors'],
    checkFailures: Summary['errors'] = [],
  ) => {
    const s = summary(n);
    return {
      ...s,
      requests: { ...s.requests, total: n, ok: n - failed, failed, cancelled: 0 },
      errorRate: failed / n,
      errors,
      skipped,
      checkFailures,
    };
  };
  return {
    ...base,
    journeys: {
      checkout: {
        ...checkout,
        started: 300,
        completed: 280,
        failed: 20,
        cancelled: 0,
        failedAt: { pay: 15, login: 5 },
        skippedSteps: { pay: 5, receipt: 20 },
        notStarted: 0,
        dropped: 0,
        errors: [
          { message: 'pay: check failed: status is not paid', count: 12 },
          { message: 'login: HTTP 503', count: 5 },
          { message: 'pay: HTTP 500', count: 3 },
        ],
      },
      ['__proto__']: {
        ...proto,
        started: 20,
        completed: 20,
        failed: 0,
        cancelled: 0,
        failedAt: {},
        skippedSteps: {},
        notStarted: 2,
        dropped: 0,
        errors: [],
      },
    },
    steps: {
      login: step(320, 5, 0, [{ message: 'HTTP 503', count: 5 }]),
      pay: step(
        295,
        15,
        5,
        [
          { message: 'check failed: status is not paid', count: 12 },
          { message: "capture 'orderId' found nothing", count: 1 },
          { message: 'socket hang up', count: 2 },
        ],
        [
          { message: 'check failed: status is not paid', count: 12 },
          { message: "capture 'orderId' found nothing", count: 1 },
        ],
      ),
      receipt: step(280, 0, 20, []),
      'a.b <x>': step(20, 0, 0, []),
    },
  };
}

function steadyBase(): RunMeta {
  return toRunMeta(fakeRun(Array.from({ length: 20 }, () => ({ latencyMs: 10 }))));
}

/** The report record of test 'shop > checkout journeys' (passed, 1 s) holding one journeyRun(). */
export function journeyRecord(): TestRecord {
  return {
    file: 'suites/j.perf.ts',
    project: 'perf',
    name: 'checkout journeys',
    fullName: 'shop > checkout journeys',
    state: 'passed',
    durationMs: 1000,
    errors: [],
    runs: [journeyRun()],
    verdicts: [],
    annotations: [],
  };
}
