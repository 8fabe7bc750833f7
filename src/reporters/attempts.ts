import type { TryMeta } from '../contracts/meta.js';
import type { TestRecord } from '../contracts/perf-results.js';

/** Anything recorded in a try: a run or a verdict. Old reports carry no indexes (one try). */
interface InTry {
  attempt?: number;
  repetition?: number;
}

/** The index of each repetition's last attempt: from the try log, else the highest attempt seen. */
export function finalAttempts(
  test: Pick<TestRecord, 'runs' | 'verdicts' | 'tries'>,
): Map<number, number> {
  const last = new Map<number, number>();
  const note = (repetition: number, attempt: number) =>
    last.set(repetition, Math.max(attempt, last.get(repetition) ?? 0));
  if (test.tries && test.tries.length > 0) {
    for (const t of test.tries) note(t.repetition, t.attempt);
    return last;
  }
  for (const item of [...test.runs, ...test.verdicts] as InTry[])
    note(item.repetition ?? 0, item.attempt ?? 0);
  return last;
}

/** True when `item` belongs to the last attempt of its repetition (what totals and failures count). */
export function isFinalAttempt(item: InTry, finals: Map<number, number>): boolean {
  return (item.attempt ?? 0) >= (finals.get(item.repetition ?? 0) ?? 0);
}

/** True when the test passed only after a failed attempt. */
export function isFlaky(
  state: TestRecord['state'],
  tries: TryMeta[] | undefined,
  vitestFlaky: boolean,
): boolean {
  return state === 'passed' && (vitestFlaky || (tries ?? []).some((t) => t.state === 'failed'));
}

/** True when the test ran more than once (retries or repeats): then runs and verdicts get labels. */
export function hadSeveralTries(test: Pick<TestRecord, 'runs' | 'verdicts' | 'tries'>): boolean {
  if ((test.tries?.length ?? 0) > 1) return true;
  return ([...test.runs, ...test.verdicts] as InTry[]).some(
    (i) => (i.attempt ?? 0) > 0 || (i.repetition ?? 0) > 0,
  );
}
