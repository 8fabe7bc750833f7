import { InvalidOptionError } from '../errors.js';
import type { LoadOptions } from '../options/load-options.js';
import { createJourneyDriver, type JourneyDriver } from './journey-driver.js';
import { resolveJourneys } from './validate-journeys.js';
import { shareFeeders } from './feeders/split-share.js';

/** The options a journey run cannot take with `journeys`, and what to do instead. */
const EXCLUSIVE: Array<[keyof LoadOptions, string]> = [
  ['scenarios', 'nothing with journeys (give each request as a step of a journey)'],
  ['requests', 'nothing with journeys (give a duration)'],
  ['clientTimeout', 'nothing with journeys'],
];

/**
 * The journey driver for load() options with `journeys` (validated), else undefined. Under a
 * split load (`split`: index of count) each feeder is replaced by that split's share.
 */
export function journeyDriverFor(
  options: LoadOptions,
  split?: { index: number; count: number },
): JourneyDriver | undefined {
  if (options.journeys === undefined) return undefined;
  for (const [key, allowed] of EXCLUSIVE) {
    if (options[key] !== undefined) throw new InvalidOptionError(key, options[key], allowed);
  }
  if (options.engine === 'autocannon')
    throw new InvalidOptionError('engine', options.engine, "'auto' or 'undici' with journeys");
  return createJourneyDriver(shareFeeders(resolveJourneys(options.journeys), split));
}
