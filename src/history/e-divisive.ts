import { qhatValues } from './qhat.js';

/** The most divergent split of one window: where q̂ peaks. */
export interface Candidate {
  /** Index into the whole series of the first value after the split. */
  index: number;
  qhat: number;
}

/**
 * Decides whether a candidate split is significant, given the change points found so far
 * (`windows`: 0, the sorted change points, the series length). Returns its p-value too.
 */
export type SignificanceTest = (
  candidate: Candidate,
  values: readonly number[],
  windows: readonly number[],
) => { significant: boolean; pValue: number };

/** A change point E-divisive accepted, in the order it was found. */
export interface DivisiveChangePoint extends Candidate {
  pValue: number;
}

function bestInWindow(values: readonly number[], start: number, end: number): Candidate {
  const q = qhatValues(values, start, end);
  let best = 0;
  // First maximum wins, as numpy's argmax does: ties resolve to the earliest split.
  for (let i = 1; i < q.length; i++) if (q[i] > q[best]) best = i;
  return { index: start + best, qhat: q.length ? q[best] : 0 };
}

function windowsOf(found: readonly DivisiveChangePoint[], length: number): number[] {
  return [0, ...found.map((c) => c.index).sort((a, b) => a - b), length];
}

/**
 * E-divisive means (Matteson & James 2014) as mongodb/signal-processing-algorithms runs it:
 * split each window between change points where q̂ peaks, keep the best split of all windows
 * while `test` finds it significant, then look again. A candidate on an existing change point
 * (a constant window peaks at its start) is never significant, so the loop always ends.
 * Returns the change points in the order they were found.
 */
export function eDivisive(
  values: readonly number[],
  test: SignificanceTest,
): DivisiveChangePoint[] {
  const found: DivisiveChangePoint[] = [];
  const memo = new Map<string, Candidate>();
  for (;;) {
    const windows = windowsOf(found, values.length);
    let best: Candidate | undefined;
    for (let w = 0; w + 1 < windows.length; w++) {
      const key = `${windows[w]}:${windows[w + 1]}`;
      let candidate = memo.get(key);
      if (!candidate) memo.set(key, (candidate = bestInWindow(values, windows[w], windows[w + 1])));
      if (!best || candidate.qhat > best.qhat) best = candidate;
    }
    if (!best || windows.includes(best.index)) return found;
    const { significant, pValue } = test(best, values, windows);
    if (!significant) return found;
    found.push({ ...best, pValue });
  }
}

/** The window [start, end) around `index` between the change points in `windows`. */
export function windowAround(
  index: number,
  windows: readonly number[],
): { start: number; end: number } {
  let start = 0;
  let end = windows[windows.length - 1];
  for (const w of windows) {
    if (w < index && w > start) start = w;
    if (w > index && w < end) end = w;
  }
  return { start, end };
}
