import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FeederSourceError, feeder } from '../../../src/journeys/feeders/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vs-feeder-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('feeder()', () => {
  test('a CSV file, unique: each row once across users, then undefined', () => {
    const path = join(dir, 'users.csv');
    writeFileSync(path, 'user,pin\n"Smith, Ada",0042\nbob,7\n');
    const users = feeder(path, { order: 'unique', cast: true });
    expect(users.size).toBe(2);
    expect({ ...users.next(0) }).toEqual({ user: 'Smith, Ada', pin: 42 });
    expect({ ...users.next(1) }).toEqual({ user: 'bob', pin: 7 });
    expect(users.next(0)).toBeUndefined();
  });

  test('an inline array, random with a seed: reproducible', () => {
    const rows = Array.from({ length: 20 }, (_, id) => ({ id }));
    const draw = () => {
      const f = feeder(rows, { order: 'random', seed: 11 });
      return Array.from({ length: 10 }, () => f.next(0)?.id);
    };
    expect(draw()).toEqual(draw());
  });

  test('bad options fail before the source is read', () => {
    expect(() => feeder(join(dir, 'missing.csv'), { order: 'lifo' as 'random' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'feeder.order' }),
    );
  });

  test('a bad source fails at definition time with FeederSourceError', () => {
    expect(() => feeder(join(dir, 'missing.csv'))).toThrowError(FeederSourceError);
  });
});
