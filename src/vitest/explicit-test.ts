import type { RunnerTestCase as Test, TestContext } from 'vitest';
import { InvalidOptionError } from '../errors.js';

/** What `load({ test })` and `measure(fn, { test })` accept: the test context, or its task. */
export type TestRef = TestContext | Test;

function isTestTask(value: unknown): value is Test {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'test' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/**
 * The test named by a `test` option, or undefined when none was given. Throws a coded
 * InvalidOptionError for anything but a Vitest test context or test task.
 */
export function resolveExplicitTest(value: unknown): Test | undefined {
  if (value === undefined) return undefined;
  if (isTestTask(value)) return value;
  // Vitest 4's test context is a function object; older ones a plain object.
  const task =
    (typeof value === 'object' || typeof value === 'function') && value !== null
      ? (value as { task?: unknown }).task
      : undefined;
  if (isTestTask(task)) return task;
  throw new InvalidOptionError(
    'test',
    value,
    "the Vitest test context (the test function's first argument) or its task",
  );
}

/** Split the `test` option off the rest, which the option validators check. */
export function takeTestOption<T extends object>(
  options: T,
): { test: Test | undefined; rest: Omit<T, 'test'> } {
  if (typeof options !== 'object' || options === null || !('test' in options))
    return { test: undefined, rest: options };
  const { test, ...rest } = options as T & { test?: unknown };
  return { test: resolveExplicitTest(test), rest };
}
