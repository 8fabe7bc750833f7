import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidOptionError } from '../errors.js';
import { MAX_START_AHEAD_MS, type SplitSpec } from './split-spec.js';

/** A start more than this late is worth a warning: the splits' loads did not fully overlap. */
export const LATE_START_WARN_MS = 1000;

/** How a split met its common start. */
export interface StartOutcome {
  /** The common start (epoch ms), or null when none applied to this load(). */
  startAt: number | null;
  /** ms this split started after `startAt` (0 when on time or when there was none). */
  lateStartMs: number;
  warnings: string[];
}

const claimedFromEnv = new Set<number>();

/**
 * The start time that applies to this load(): an explicit `split.startAt` always; STRESS_START_AT
 * only for the first load() of this module instance (one test file under Vitest), because the
 * later loads of a file follow the first one and cannot all begin at the same instant.
 */
export function claimStartAt(split: SplitSpec): number | undefined {
  if (split.startAtMs === undefined) return undefined;
  if (split.source === 'split') return split.startAtMs;
  if (claimedFromEnv.has(split.startAtMs)) return undefined;
  claimedFromEnv.add(split.startAtMs);
  return split.startAtMs;
}

/**
 * Wait until `startAtMs` (epoch ms). Refuses a start more than 10 minutes ahead (InvalidOptionError
 * naming STRESS_START_AT or split.startAt); stops waiting when `signal` aborts. A start already
 * past is reported as `lateStartMs`, with a warning above LATE_START_WARN_MS.
 */
export async function waitForStart(
  startAtMs: number | undefined,
  split: SplitSpec,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<StartOutcome> {
  if (startAtMs === undefined) return { startAt: null, lateStartMs: 0, warnings: [] };
  const field = split.source === 'split' ? 'split.startAt' : 'STRESS_START_AT';
  const aheadMs = startAtMs - now();
  if (aheadMs > MAX_START_AHEAD_MS) {
    throw new InvalidOptionError(
      field,
      startAtMs,
      `a start at most ${MAX_START_AHEAD_MS} ms ahead (this one is ${Math.round(aheadMs)} ms ahead)`,
    );
  }
  if (aheadMs > 0) await sleep(aheadMs, undefined, { signal }).catch(() => undefined);
  const warnings: string[] = [];
  if (signal.aborted)
    warnings.push(
      `split ${split.index}/${split.count}: aborted while waiting for the common start`,
    );
  const lateStartMs = Math.max(0, Math.round(now() - startAtMs));
  if (lateStartMs > LATE_START_WARN_MS) {
    warnings.push(
      `split ${split.index}/${split.count} started ${lateStartMs} ms after the common start ` +
        `(STRESS_START_AT): its load overlapped the others' only partly`,
    );
  }
  return { startAt: startAtMs, lateStartMs, warnings };
}
