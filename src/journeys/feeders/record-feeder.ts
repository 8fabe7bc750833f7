import { InvalidOptionError } from '../../errors.js';
import { createRandom } from '../../random/random.js';
import { FeederExhaustedError } from './feeder-errors.js';
import type { ResolvedFeederOptions } from './feeder-options.js';
import { copyRecord } from './safe-record.js';
import type { FeederRecord, RecordFeeder } from './types.js';

/** Spreads the per-user random streams apart (the golden-ratio increment). */
const USER_SEED_STEP = 0x9e3779b9;
/**
 * Random streams kept at once. In the open model every arrival is a new userIndex: past this
 * many the oldest stream is dropped (a user that comes back starts its stream over), so memory
 * stays flat however many arrivals a run has.
 */
export const MAX_USER_STREAMS = 10_000;

/** One pool of records and where its cursor stands: the whole source, or one user's share. */
interface Pool {
  records: FeederRecord[];
  cursor: number;
}

function partition(records: FeederRecord[], users: number | undefined): Pool[] {
  if (users === undefined) return [{ records, cursor: 0 }];
  if (users > records.length)
    throw new InvalidOptionError(
      'feeder.perUser.users',
      users,
      `at most the ${records.length} records, so every user gets at least one`,
    );
  const pools: Pool[] = Array.from({ length: users }, () => ({ records: [], cursor: 0 }));
  records.forEach((record, i) => pools[i % users].records.push(record)); // one pass, not users × records
  return pools;
}

function checkUserIndex(userIndex: number): void {
  if (!Number.isSafeInteger(userIndex) || userIndex < 0)
    throw new InvalidOptionError('userIndex', userIndex, 'an integer ≥ 0');
}

/**
 * A feeder over loaded records. Sequential and unique share one cursor across users (or one per
 * share with perUser: user i reads share i mod users, so open-model arrivals fit too); random
 * gives each user its own seeded stream, so user i draws the same records in every run with the
 * same seed, however the users interleave. Each call returns a fresh null-prototype copy.
 */
export function recordFeeder(
  records: FeederRecord[],
  options: ResolvedFeederOptions,
): RecordFeeder {
  const partitioned = options.perUserCount !== undefined;
  const pools = partition(records, options.perUserCount);
  const streams = new Map<number, () => number>();
  const randomFor = (userIndex: number) => {
    let stream = streams.get(userIndex);
    if (!stream) {
      stream = createRandom((options.seed! + Math.imul(userIndex + 1, USER_SEED_STEP)) >>> 0);
      if (streams.size >= MAX_USER_STREAMS) streams.delete(streams.keys().next().value!);
      streams.set(userIndex, stream);
    }
    return stream;
  };
  const scope = (share: number) => (partitioned ? `share ${share} (perUser)` : 'the feeder');

  function next(userIndex: number): FeederRecord | undefined {
    checkUserIndex(userIndex);
    const share = userIndex % pools.length;
    const pool = pools[share];
    if (options.order === 'random')
      return copyRecord(pool.records[Math.floor(randomFor(userIndex)() * pool.records.length)]);
    if (pool.cursor >= pool.records.length) {
      if (options.onExhausted === 'stop') return undefined;
      if (options.onExhausted === 'error')
        throw new FeederExhaustedError(pool.records.length, userIndex, scope(share));
      pool.cursor = 0;
    }
    return copyRecord(pool.records[pool.cursor++]);
  }

  return {
    next,
    size: records.length,
    order: options.order,
    onExhausted: options.onExhausted,
    seed: options.seed,
    forSplit: (index, count) => splitFeeder(records, options, index, count),
  };
}

/**
 * Split `index` of `count`: sequential and unique order read records index−1, index−1+count, …
 * (disjoint strides, so a unique record is handed out once across all splits; perUser shares are
 * cut from the stride, ⌈users / count⌉ of them); random order draws from every record with the
 * seed moved per split (so the splits do not draw the same sequence).
 */
function splitFeeder(
  records: FeederRecord[],
  options: ResolvedFeederOptions,
  index: number,
  count: number,
): RecordFeeder {
  if (options.order === 'random')
    return recordFeeder(records, {
      ...options,
      seed: (options.seed! + Math.imul(index - 1, USER_SEED_STEP)) >>> 0,
    });
  const stride = records.filter((_, i) => i % count === index - 1);
  if (stride.length === 0)
    throw new InvalidOptionError(
      'feeder',
      `${records.length} records`,
      `at least ${count} records under a split load of ${count} (split ${index} would get none)`,
    );
  const perUserCount =
    options.perUserCount === undefined
      ? undefined
      : Math.min(stride.length, Math.ceil(options.perUserCount / count));
  return recordFeeder(stride, { ...options, perUserCount });
}
