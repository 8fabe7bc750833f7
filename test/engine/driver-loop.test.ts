import { describe, expect, test, vi } from 'vitest';
import { runLoop, stopAtEndOrAbort, type NextStep } from '../../src/engine/driver-loop.js';

describe("runLoop: the engines' shared skeleton", () => {
  test('steps as asked (a wait, at once) until a step returns undefined; onStop runs once', async () => {
    const steps: NextStep[] = [1, 'now', 0, 'now', undefined];
    let calls = 0;
    const onStop = vi.fn();
    await runLoop(new AbortController().signal, () => steps[calls++], onStop);
    expect(calls).toBe(5);
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  test('an abort ends it without another step, and no timer is left behind', async () => {
    const controller = new AbortController();
    let calls = 0;
    const onStop = vi.fn();
    const looping = runLoop(
      controller.signal,
      () => {
        calls++;
        return 60_000;
      },
      onStop,
    );
    expect(calls).toBe(1);
    controller.abort();
    await looping;
    expect(calls).toBe(1);
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  test('an already aborted signal: no step at all', async () => {
    const controller = new AbortController();
    controller.abort();
    const step = vi.fn((): NextStep => 1);
    await runLoop(controller.signal, step);
    expect(step).not.toHaveBeenCalled();
  });
});

describe('stopAtEndOrAbort', () => {
  test('stops once at the end time', async () => {
    const stop = vi.fn();
    stopAtEndOrAbort(new AbortController().signal, performance.now() + 20, stop);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  test('stops once on abort, and not again at the end', async () => {
    const controller = new AbortController();
    const stop = vi.fn();
    stopAtEndOrAbort(controller.signal, performance.now() + 30, stop);
    controller.abort();
    expect(stop).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    stopAtEndOrAbort(new AbortController().signal, performance.now() + 30, later);
    await vi.waitFor(() => expect(later).toHaveBeenCalledTimes(1));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test('dispose cancels both', async () => {
    const controller = new AbortController();
    const stop = vi.fn();
    const dispose = stopAtEndOrAbort(controller.signal, performance.now() + 10, stop);
    dispose();
    controller.abort();
    const witness = vi.fn();
    stopAtEndOrAbort(new AbortController().signal, performance.now() + 30, witness);
    await vi.waitFor(() => expect(witness).toHaveBeenCalled());
    expect(stop).not.toHaveBeenCalled();
  });
});
