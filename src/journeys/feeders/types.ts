/**
 * The feeder contract the journey engine speaks: a source of per-iteration data records.
 * Types only, so the engine imports it without loading any parser.
 */

/** One row of a feeder: field name → value. Null-prototype, so a field named `__proto__` is plain data. */
export type FeederRecord = Record<string, unknown>;

/**
 * Hands a record to a virtual user for one iteration (the journeys contract's `Feeder`). `undefined`
 * means the feeder is exhausted for this user (`onExhausted: 'stop'`): the user runs no further
 * iteration.
 */
export type { Feeder } from '../../contracts/journeys.js';
import type { Feeder } from '../../contracts/journeys.js';

/**
 * Which record comes next: `sequential` (file order, one shared cursor), `random` (seeded draws
 * with replacement; never runs out) or `unique` (file order, each record at most once).
 */
export type FeederOrder = 'sequential' | 'random' | 'unique';

/** What `next()` does when every record was handed out: start over, return undefined, or throw. */
export type FeederExhaustion = 'recycle' | 'stop' | 'error';

/** The file formats a feeder reads; by default taken from the extension. */
export type FeederFormat = 'csv' | 'json' | 'jsonl';

/** Options of `feeder(source, options)` (docs/feeders.md). */
export interface FeederOptions {
  /** Default `'sequential'`. */
  order?: FeederOrder;
  /** Default `'recycle'` for sequential, `'stop'` for unique; random never runs out. */
  onExhausted?: FeederExhaustion;
  /** Seed of `order: 'random'` (an unsigned 32-bit integer); default: a random one, see `feeder.seed`. */
  seed?: number;
  /** Partition the records: user i reads share i mod users — records i, i + users, i + 2·users, … */
  perUser?: { users: number };
  /** File format; default from the extension (.csv, .json, .jsonl / .ndjson). */
  format?: FeederFormat;
  /** CSV only: unquoted numbers, true/false and empty fields become numbers, booleans and null. Default false. */
  cast?: boolean;
  /** CSV only: the field delimiter, one character. Default `,`. */
  delimiter?: string;
}

/** What `feeder()` returns: a `Feeder` that also says what it holds. */
export interface RecordFeeder extends Feeder {
  /** Records loaded from the source. */
  readonly size: number;
  readonly order: FeederOrder;
  /** `undefined` for random, which never runs out. */
  readonly onExhausted: FeederExhaustion | undefined;
  /** The seed in force for `order: 'random'` (to rerun the same draws); undefined otherwise. */
  readonly seed: number | undefined;
  /** Split `index` (1-based) of `count`'s share: disjoint strides (random: its own seed). */
  forSplit(index: number, count: number): RecordFeeder;
}
