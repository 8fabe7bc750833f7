import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feeder } from '../../../src/journeys/feeders/index.js';
import { shareFeeders } from '../../../src/journeys/feeders/split-share.js';
import { load } from '../../../src/load.js';
import { startServer, type FixtureServer } from '../../helpers/servers.js';

// A feeder under a split load: the processes together hand out what one process would.

const rows = Array.from({ length: 10 }, (_, i) => ({ id: `row-${i}` }));
const drain = (f: { next(u: number): Record<string, unknown> | undefined }, limit = 50) => {
  const out: unknown[] = [];
  for (let u = 0; u < limit; u++) {
    const row = f.next(u);
    if (row === undefined) break;
    out.push(row.id);
  }
  return out;
};

describe('feeder.forSplit', () => {
  test('unique: the splits hand out disjoint strides, every record once in all', () => {
    const unique = feeder(rows, { order: 'unique' });
    const shares = [1, 2, 3].map((index) => drain(unique.forSplit(index, 3)));
    expect(shares[0]).toEqual(['row-0', 'row-3', 'row-6', 'row-9']);
    expect(shares.flat().sort()).toEqual(rows.map((r) => r.id).sort());
    expect(drain(unique)).toHaveLength(10); // the whole feeder is untouched
  });

  test('random: each split draws its own sequence from every record', () => {
    const random = feeder(rows, { order: 'random', seed: 7 });
    const [a, b] = [1, 2].map((index) => drain(random.forSplit(index, 2), 20));
    expect(a).not.toEqual(b);
    expect(drain(random.forSplit(1, 2), 20)).toEqual(a); // reproducible per split
  });

  test('perUser shares are cut from the split stride, and stay disjoint across splits', () => {
    const per = feeder(rows, { order: 'unique', perUser: { users: 4 } });
    const split = (index: number) => per.forSplit(index, 2);
    const [one, two] = [split(1), split(2)];
    const seen = [0, 1, 0, 1, 0, 1].flatMap((u) => [one.next(u)?.id, two.next(u)?.id]);
    const handed = seen.filter((id) => id !== undefined);
    expect(new Set(handed).size).toBe(handed.length);
    expect(handed).toHaveLength(10);
  });

  test('fewer records than splits is a coded error naming the feeder', () => {
    const small = feeder(rows.slice(0, 2), { order: 'unique' });
    expect(() => small.forSplit(3, 3)).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        message: expect.stringMatching(/feeder/),
      }),
    );
  });

  test('a feeder two journeys share stays one share with one cursor', () => {
    const shared = feeder(rows, { order: 'unique' });
    const journeys = shareFeeders(
      [
        { name: 'a', feeder: shared },
        { name: 'b', feeder: shared },
      ],
      { index: 1, count: 2 },
    );
    expect(journeys[0].feeder).toBe(journeys[1].feeder);
    expect(journeys[0].feeder).not.toBe(shared);
    expect(shareFeeders(journeys, undefined)).toBe(journeys);
  });
});

describe('a unique feeder in a split load()', () => {
  let server: FixtureServer;
  const seenRows: string[] = [];
  beforeAll(async () => {
    server = await startServer((req, res) => {
      seenRows.push(new URL(req.url!, 'http://x').searchParams.get('row')!);
      res.end('ok');
    });
  });
  afterAll(() => server.close());

  test('two splits together send each record once', async () => {
    // Each split is its own process with its own feeder over the same file: one per load() here.
    const journeyOf = () => ({
      name: 'visit',
      feeder: feeder(rows, { order: 'unique' }),
      steps: [
        { name: 'get', path: ({ vars }: { vars: Record<string, unknown> }) => `/?row=${vars.id}` },
      ],
    });
    const runs = await Promise.all(
      [1, 2].map((index) =>
        load({
          target: server.url,
          users: 2,
          duration: '3s',
          journeys: [journeyOf()],
          split: { index, count: 2 },
        }),
      ),
    );
    expect(runs.map((r) => r.requests.total)).toEqual([5, 5]);
    expect([...seenRows].sort()).toEqual(rows.map((r) => r.id).sort());
  });
});
