import type { Feeder, JourneyVars } from '../../src/contracts/journeys.js';

/** For the tests only: each row once, in order, then undefined. */
export function arrayFeeder(rows: JourneyVars[]): Feeder {
  let next = 0;
  return { next: () => rows[next++] };
}
