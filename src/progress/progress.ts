import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { Recorder } from '../recorder/recorder.js';
import { formatProgressLine } from './progress-line.js';

export interface ProgressHandle {
  stop(): void;
}

/** Where progress goes; tests pass a fake. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressSettings {
  output?: ProgressOutput;
  env?: NodeJS.ProcessEnv;
  /** Interval on a TTY, ms (default 1000). */
  ttyIntervalMs?: number;
  /** Interval without a TTY (CI logs), ms (default 10 000). */
  plainIntervalMs?: number;
}

/** Runs planned shorter than this get no progress unless `progress: true`. */
export const PROGRESS_MIN_PLANNED_MS = 5000;

/** Planned length of a run in ms, or undefined when only a request count bounds it. */
export function plannedDurationMs(options: ResolvedLoadOptions): number | undefined {
  if (options.stages.length > 0) return options.stages.reduce((sum, s) => sum + s.durationMs, 0);
  if (options.durationMs !== undefined) return options.durationMs;
  if (options.rate !== undefined && options.requests !== undefined)
    return (options.requests * 1000) / options.rate;
  return undefined;
}

/**
 * Live progress on stderr. On a TTY: one line rewritten in place every second (`\r`, erase
 * to end of line) and erased at the end. Without a TTY (CI, and Vitest workers, whose stderr
 * is a pipe that Vitest prints above its status block): a plain line every 10 s. Off with
 * VITEST_STRESS_PROGRESS=0 or `progress: false`,
 * and by default for runs planned shorter than 5 s.
 */
export function startProgress(
  recorder: Recorder,
  options: ResolvedLoadOptions,
  profile: string,
  settings: ProgressSettings = {},
): ProgressHandle {
  const env = settings.env ?? process.env;
  const plannedMs = plannedDurationMs(options);
  const wanted =
    options.progress ?? (plannedMs !== undefined && plannedMs >= PROGRESS_MIN_PLANNED_MS);
  if (!wanted || env.VITEST_STRESS_PROGRESS === '0' || plannedMs === undefined)
    return { stop() {} };

  const output = settings.output ?? process.stderr;
  const tty = output.isTTY === true;
  const intervalMs = tty ? (settings.ttyIntervalMs ?? 1000) : (settings.plainIntervalMs ?? 10_000);
  let lastFinished = 0;
  let lastElapsedMs = 0;
  let shown = false;
  const tick = () => {
    const snapshot = recorder.snapshot();
    const spanS = (snapshot.elapsedMs - lastElapsedMs) / 1000;
    const rps = spanS > 0 ? (snapshot.finished - lastFinished) / spanS : 0;
    lastFinished = snapshot.finished;
    lastElapsedMs = snapshot.elapsedMs;
    const line = formatProgressLine({ snapshot, plannedMs, rps, model: options.model, profile });
    output.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    shown = true;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (tty && shown) output.write('\r\x1b[K');
    },
  };
}
