import { describe, expect, test } from 'vitest';
import { resolveFeederOptions } from '../../../src/journeys/feeders/feeder-options.js';

describe('resolveFeederOptions', () => {
  test('defaults: sequential, recycle, no seed, shared pool, no cast, comma', () => {
    expect(resolveFeederOptions(undefined)).toEqual({
      order: 'sequential',
      onExhausted: 'recycle',
      seed: undefined,
      perUserCount: undefined,
      format: undefined,
      cast: false,
      delimiter: ',',
    });
  });

  test('a seed is kept for random and ignored for the other orders', () => {
    expect(resolveFeederOptions({ order: 'random', seed: 9 }).seed).toBe(9);
    expect(resolveFeederOptions({ order: 'unique', seed: 9 }).seed).toBeUndefined();
  });

  test.each([
    [{ order: 'shuffled' }, 'feeder.order', "one of 'sequential', 'random', 'unique'"],
    [{ onExhausted: 'wrap' }, 'feeder.onExhausted', "one of 'recycle', 'stop', 'error'"],
    [{ seed: -1 }, 'feeder.seed', 'an integer in [0, 4294967295]'],
    [{ seed: 1.5 }, 'feeder.seed', 'an integer in [0, 4294967295]'],
    [{ perUser: 3 }, 'feeder.perUser', 'an object { users: number }'],
    [{ perUser: { users: 0 } }, 'feeder.perUser.users', 'an integer ≥ 1 (the number of users)'],
    [{ format: 'xml' }, 'feeder.format', "one of 'csv', 'json', 'jsonl'"],
    [{ cast: 'yes' }, 'feeder.cast', 'true or false'],
    [{ delimiter: '\n' }, 'feeder.delimiter', 'one character other than a quote or line break'],
    [{ delimiter: ';;' }, 'feeder.delimiter', 'one character other than a quote or line break'],
  ])('%j is ERR_STRESS_INVALID_OPTION naming %s', (options, field, allowed) => {
    expect(() => resolveFeederOptions(options)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field, allowed }),
    );
  });

  test('an unknown key is ERR_STRESS_UNKNOWN_OPTION with the closest name', () => {
    expect(() => resolveFeederOptions({ oder: 'random' })).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_UNKNOWN_OPTION',
        field: 'oder',
        suggestion: 'order',
      }),
    );
    expect(() => resolveFeederOptions({ perUser: { user: 2 } })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_UNKNOWN_OPTION', suggestion: 'users' }),
    );
  });

  test('options that are not an object are refused', () => {
    expect(() => resolveFeederOptions([])).toThrow(
      expect.objectContaining({ field: 'feeder options' }),
    );
  });
});
