import os from 'node:os';
import { startBurners } from './processes.js';

/** One condition of a trust benchmark: calibrate, then reruns against port B `factorB` × slower. */
export type Condition<T> = (name: string, factorB: number, seed: number) => Promise<T>;

/** Both conditions, run in turn with the CPU burners beside them, and the machine's state. */
export interface BothConditions<T> {
  unchanged: T;
  slowed: T;
  /** Minutes both took, one decimal. */
  minutes: string;
  /** The 1-minute load average before the first condition. */
  loadBefore: number;
}

/** "no change" (seed 1000), then "slowdown x<slowdown>" (seed 2000); the burners stop after. */
export async function bothConditions<T>(
  burnerCount: number,
  slowdown: number,
  condition: Condition<T>,
): Promise<BothConditions<T>> {
  const startedAt = Date.now();
  const loadBefore = os.loadavg()[0];
  const burners = startBurners(burnerCount, 60 * 60_000);
  let results: [unchanged: T, slowed: T];
  try {
    const unchanged = await condition('no change', 1, 1000);
    results = [unchanged, await condition(`slowdown x${slowdown}`, slowdown, 2000)];
  } finally {
    await burners.stop();
  }
  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  return { unchanged: results[0], slowed: results[1], minutes, loadBefore };
}
