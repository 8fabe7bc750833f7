import { describe, expect, test } from 'vitest';
import { FeederExhaustedError } from '../../../src/journeys/feeders/feeder-errors.js';
import { resolveFeederOptions } from '../../../src/journeys/feeders/feeder-options.js';
import { MAX_USER_STREAMS, recordFeeder } from '../../../src/journeys/feeders/record-feeder.js';
import type { FeederOptions, RecordFeeder } from '../../../src/journeys/feeders/types.js';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => Object.assign(Object.create(null), { id: i }));
const make = (n: number, options: FeederOptions) =>
  recordFeeder(rows(n), resolveFeederOptions(options));
/** The ids of `calls` records drawn by `userIndex` (undefined once exhausted). */
const ids = (f: RecordFeeder, calls: number, userIndex = 0) =>
  Array.from({ length: calls }, () => f.next(userIndex)?.id);

describe('order: sequential', () => {
  test('recycle (the default) starts over after the last record', () => {
    const f = make(3, {});
    expect(f.onExhausted).toBe('recycle');
    expect(ids(f, 7)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  test('one cursor is shared by all users', () => {
    const f = make(4, { order: 'sequential' });
    expect([f.next(0)?.id, f.next(5)?.id, f.next(0)?.id, f.next(9)?.id]).toEqual([0, 1, 2, 3]);
  });

  test('stop returns undefined once every record was handed out, and keeps returning it', () => {
    expect(ids(make(2, { onExhausted: 'stop' }), 4)).toEqual([0, 1, undefined, undefined]);
  });

  test('error throws ERR_STRESS_FEEDER_EXHAUSTED naming the count and the user', () => {
    const f = make(2, { onExhausted: 'error' });
    expect(ids(f, 2)).toEqual([0, 1]);
    expect(() => f.next(3)).toThrowError(FeederExhaustedError);
    expect(() => f.next(3)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_EXHAUSTED', size: 2, userIndex: 3 }),
    );
  });
});

describe('order: unique', () => {
  test('stop (the default) hands each record once across all users, then undefined', () => {
    const f = make(5, { order: 'unique' });
    expect(f.onExhausted).toBe('stop');
    const seen = [0, 1, 2, 0, 1, 2, 0].map((user) => f.next(user)?.id);
    expect(seen).toEqual([0, 1, 2, 3, 4, undefined, undefined]);
  });

  test('error throws once every record was used', () => {
    const f = make(1, { order: 'unique', onExhausted: 'error' });
    expect(f.next(0)?.id).toBe(0);
    expect(() => f.next(0)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_EXHAUSTED' }),
    );
  });

  test('recycle is refused: unique means at most once', () => {
    expect(() => make(3, { order: 'unique', onExhausted: 'recycle' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'feeder.onExhausted' }),
    );
  });
});

describe('order: random', () => {
  test('the same seed draws the same records per user, whatever the interleaving', () => {
    const a = make(50, { order: 'random', seed: 42 });
    const b = make(50, { order: 'random', seed: 42 });
    const aUser1 = ids(a, 20, 1);
    ids(b, 7, 0); // another user draws first in b
    expect(ids(b, 20, 1)).toEqual(aUser1);
    expect(a.seed).toBe(42);
  });

  test('another seed draws other records; users draw different streams', () => {
    const a = ids(make(50, { order: 'random', seed: 1 }), 20);
    expect(ids(make(50, { order: 'random', seed: 2 }), 20)).not.toEqual(a);
    expect(ids(make(50, { order: 'random', seed: 1 }), 20, 1)).not.toEqual(a);
  });

  test('draws with replacement from every record and never runs out', () => {
    const drawn = ids(make(5, { order: 'random', seed: 7 }), 500);
    expect(new Set(drawn)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  test('without a seed, one is chosen and reported so the run can be repeated', () => {
    const f = make(10, { order: 'random' });
    expect(f.seed).toEqual(expect.any(Number));
    expect(ids(make(10, { order: 'random', seed: f.seed }), 10)).toEqual(ids(f, 10));
  });

  test.each(['stop', 'error'] as const)(
    'onExhausted %s is refused: random never runs out',
    (policy) => {
      expect(() => make(3, { order: 'random', onExhausted: policy })).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'feeder.onExhausted' }),
      );
    },
  );

  test('open model: arrival i draws the same first record whatever the order of arrivals', () => {
    const a = make(100, { order: 'random', seed: 8 });
    const b = make(100, { order: 'random', seed: 8 });
    const forward = Array.from({ length: 50 }, (_, i) => a.next(i)?.id);
    const backward = Array.from({ length: 50 }, (_, i) => b.next(49 - i)?.id).reverse();
    expect(backward).toEqual(forward);
  });

  test(`memory stays flat: past ${MAX_USER_STREAMS} users the oldest stream is dropped and starts over`, () => {
    const f = make(1000, { order: 'random', seed: 4 });
    const [first, second] = ids(f, 2, 0);
    expect(second).not.toBe(first); // user 0's stream moves on while it is kept
    for (let user = 1; user <= MAX_USER_STREAMS; user++) f.next(user);
    expect(f.next(0)?.id).toBe(first);
  });

  test('recycle is accepted and changes nothing', () => {
    const f = make(3, { order: 'random', onExhausted: 'recycle', seed: 3 });
    expect(ids(f, 10)).toEqual(ids(make(3, { order: 'random', seed: 3 }), 10));
  });
});

describe('perUser', () => {
  test('user i gets records i, i + users, i + 2·users, …', () => {
    const f = make(7, { perUser: { users: 3 } });
    expect(ids(f, 4, 0)).toEqual([0, 3, 6, 0]);
    expect(ids(f, 3, 1)).toEqual([1, 4, 1]);
    expect(ids(f, 3, 2)).toEqual([2, 5, 2]);
  });

  test('unique per user: disjoint shares, each exhausted on its own', () => {
    const f = make(4, { order: 'unique', perUser: { users: 2 } });
    expect(ids(f, 3, 1)).toEqual([1, 3, undefined]);
    expect(ids(f, 3, 0)).toEqual([0, 2, undefined]);
  });

  test('error names the share that ran out', () => {
    const f = make(2, { perUser: { users: 2 }, onExhausted: 'error' });
    f.next(1);
    expect(() => f.next(1)).toThrow(/share 1 \(perUser\).*user 1/);
    expect(f.next(0)?.id).toBe(0);
  });

  test('random draws only from the user’s share', () => {
    const drawn = ids(make(9, { order: 'random', seed: 5, perUser: { users: 3 } }), 100, 2);
    expect(new Set(drawn)).toEqual(new Set([2, 5, 8]));
  });

  test('more users than records is refused at definition time', () => {
    expect(() => make(2, { perUser: { users: 3 } })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'feeder.perUser.users' }),
    );
  });

  test('a userIndex past users (an open-model arrival) reads share userIndex mod users', () => {
    const f = make(4, { perUser: { users: 2 } });
    expect([f.next(2)?.id, f.next(5)?.id, f.next(4)?.id]).toEqual([0, 1, 2]);
  });
});

describe('records handed out', () => {
  test('are fresh copies: changing one does not change the next user’s', () => {
    const f = make(1, {});
    const first = f.next(0)!;
    first.id = 99;
    expect(f.next(1)?.id).toBe(0);
  });

  test.each([-1, 1.5, Number.NaN])('a userIndex of %s is refused', (userIndex) => {
    expect(() => make(2, {}).next(userIndex)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'userIndex' }),
    );
  });
});
