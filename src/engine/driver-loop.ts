import type { Recorder } from '../recorder/recorder.js';
import type { HttpSender } from './http-sender.js';
import { lagWarning, type LoopLag } from './loop-lag.js';

/** What a loop step asks for next: wait this many ms, run again at once ('now'), or stop (undefined). */
export type NextStep = number | 'now' | undefined;

/**
 * The skeleton every timer-driven engine runs on: call `step` until it returns undefined or
 * `signal` aborts, waiting between calls as it asks. `onStop` runs once when the loop ends
 * either way (wake sleeping users, say). Resolves when the loop has stopped; no timer is left.
 */
export function runLoop(
  signal: AbortSignal,
  step: () => NextStep,
  onStop?: () => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let cancel: (() => void) | undefined;
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      cancel?.();
      signal.removeEventListener('abort', stop);
      onStop?.();
      resolve();
    };
    const run = () => {
      cancel = undefined;
      const next = signal.aborted ? undefined : step();
      if (next === undefined) return stop();
      if (next === 'now') {
        const immediate = setImmediate(run);
        cancel = () => clearImmediate(immediate);
      } else {
        const timer = setTimeout(run, next);
        cancel = () => clearTimeout(timer);
      }
    };
    signal.addEventListener('abort', stop, { once: true });
    run();
  });
}

/**
 * Call `stop` once, at `endAtMs` (performance.now() time; none for runs without a duration) or
 * when `signal` aborts, whichever comes first. For engines that run their own loop (autocannon).
 * Returns a function that cancels both.
 */
export function stopAtEndOrAbort(
  signal: AbortSignal,
  endAtMs: number | undefined,
  stop: () => void,
): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    dispose();
    stop();
  };
  const timer =
    endAtMs === undefined ? undefined : setTimeout(once, Math.max(0, endAtMs - performance.now()));
  const dispose = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', once);
  };
  if (signal.aborted) once();
  else signal.addEventListener('abort', once, { once: true });
  return dispose;
}

/**
 * The in-flight accounting at the end of an undici engine's run: let what is in flight finish for
 * up to `drainMs` (not after an abort), stop the run's clock (the rest is cancelled), close every
 * socket, and warn when the generator's own event loop lagged. Returns that lag.
 */
export async function finishSending({
  sender,
  recorder,
  signal,
  drainMs,
  lag,
  warn,
}: {
  sender: HttpSender;
  recorder: Recorder;
  signal: AbortSignal;
  drainMs: number;
  lag: { stop(): LoopLag };
  warn(message: string): void;
}): Promise<LoopLag> {
  if (!signal.aborted) await sender.drain(drainMs, signal);
  recorder.stop();
  await sender.close();
  const seen = lag.stop();
  const message = lagWarning(seen);
  if (message) warn(message);
  return seen;
}
