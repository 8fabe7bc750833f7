import { performance } from 'node:perf_hooks';
import type { FnReturnedObject } from 'tinybench';

/** Where timed calls go; times are performance.now() values in ms. */
export interface CallSink {
  /** A call ended: `error` is what it threw, or NO_ERROR. */
  ended(startMs: number, endMs: number, error: unknown): void;
  /** An async call was still pending when the run was aborted; it is abandoned. */
  abandoned(startMs: number): void;
}

/** Marks a call that returned normally: `error` is this symbol, so `throw undefined` still counts as an error. */
export const NO_ERROR: unique symbol = Symbol('no error');

// A sync function never yields to the event loop on its own; yield this often so abort
// signals and Vitest's timeout can fire. The pause is outside the timed window.
const YIELD_EVERY_MS = 50;

/**
 * Wrap `fn` as a tinybench task that times each call itself and hands the timing to `sink`.
 * tinybench aborts a task on its first throw; the wrapper catches instead, so a throwing call
 * is one error and the run goes on. It returns the measured time as tinybench's
 * `overriddenDuration` (tinybench's samples equal ours) and the wall time since the previous
 * call ended as `overriddenIterationCost`, so tinybench's time budget is wall time, harness
 * included (tinybench would count only the timed window and overrun the budget).
 * When `signal` aborts while an async call is pending, the call is abandoned at once, so a
 * promise that never settles cannot hold the run.
 */
export function timedCall(
  fn: () => unknown,
  sink: CallSink,
  signal?: AbortSignal,
): () => FnReturnedObject | Promise<FnReturnedObject> {
  let lastYieldMs = performance.now();
  let lastEndMs: number | undefined;

  const settle = (
    startMs: number,
    endMs: number,
    error: unknown,
  ): FnReturnedObject | Promise<FnReturnedObject> => {
    sink.ended(startMs, endMs, error);
    const now = performance.now();
    const returned: FnReturnedObject = {
      overriddenDuration: endMs - startMs,
      overriddenIterationCost: now - (lastEndMs ?? startMs),
    };
    lastEndMs = now;
    if (now - lastYieldMs < YIELD_EVERY_MS) return returned;
    lastYieldMs = now;
    return new Promise((resolve) => setImmediate(resolve, returned));
  };

  return () => {
    const startMs = performance.now();
    let value: unknown;
    try {
      value = fn();
    } catch (error) {
      return settle(startMs, performance.now(), error);
    }
    if (!isThenable(value)) return settle(startMs, performance.now(), NO_ERROR);
    return new Promise<FnReturnedObject>((resolve) => {
      let done = false;
      const finish = (error: unknown) => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', abandon);
        resolve(settle(startMs, performance.now(), error));
      };
      const abandon = () => {
        if (done) return;
        done = true;
        sink.abandoned(startMs);
        resolve({ overriddenDuration: performance.now() - startMs });
      };
      if (signal?.aborted) abandon();
      else signal?.addEventListener('abort', abandon, { once: true });
      Promise.resolve(value).then(() => finish(NO_ERROR), finish);
    });
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/** The message recorded for a thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return `threw ${JSON.stringify(error) ?? String(error)}`;
  } catch {
    return `threw ${String(error)}`;
  }
}
