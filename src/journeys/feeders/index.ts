import { resolveFeederOptions } from './feeder-options.js';
import { loadRecords } from './load-source.js';
import { recordFeeder } from './record-feeder.js';
import type { FeederOptions, RecordFeeder } from './types.js';

/**
 * A data feeder for journeys (docs/feeders.md): `source` is an array of records or the path of a
 * CSV (header row = field names), JSON (an array of objects) or JSON Lines file. The source is
 * read and checked now, so an empty source, a missing file or bad CSV fails the definition
 * (FeederSourceError, ERR_STRESS_FEEDER_SOURCE), not the run. `next(userIndex)` hands a record
 * per iteration in `order`; when the records run out, `onExhausted` applies.
 */
export function feeder(
  source: readonly Record<string, unknown>[] | string,
  options: FeederOptions = {},
): RecordFeeder {
  const resolved = resolveFeederOptions(options);
  return recordFeeder(loadRecords(source, resolved), resolved);
}

export { FeederSourceError, FeederExhaustedError } from './feeder-errors.js';
export type {
  Feeder,
  FeederRecord,
  FeederOptions,
  FeederOrder,
  FeederExhaustion,
  FeederFormat,
  RecordFeeder,
} from './types.js';
