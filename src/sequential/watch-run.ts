import type { SequentialReport } from '../contracts/sequential.js';
import type { LiveFigures } from './monitor.js';
import { SequentialJudge } from './monitor.js';
import type { ResolvedUntil } from './until-options.js';

/** How often a stop-when-decided run looks at its figures. */
export const LOOK_EVERY_MS = 1000;

/** A running sequential watch: `signal` aborts once every SLA is decided. */
export interface RunWatch {
  signal: AbortSignal;
  /** Stop looking; the last look and the report. `aborted`: the user's signal or the test stopped the run. */
  finish(elapsedMs: number, aborted: boolean): SequentialReport;
}

/**
 * Look at the run's live figures every second (from `startMs`, a performance.now() time) and
 * abort `signal` as soon as the sequential judge has decided every SLA of `until`.
 */
export function watchRun(
  until: ResolvedUntil,
  maxDurationMs: number,
  startMs: number,
  figures: () => LiveFigures,
): RunWatch {
  const judge = new SequentialJudge(until, maxDurationMs, figures);
  const controller = new AbortController();
  const timer = setInterval(() => {
    if (judge.look(performance.now() - startMs)) {
      clearInterval(timer);
      controller.abort();
    }
  }, LOOK_EVERY_MS);
  timer.unref();
  return {
    signal: controller.signal,
    finish(elapsedMs, aborted) {
      clearInterval(timer);
      return judge.finish(
        elapsedMs,
        controller.signal.aborted,
        aborted && !controller.signal.aborted,
      );
    },
  };
}
