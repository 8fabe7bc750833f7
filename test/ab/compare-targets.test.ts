import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareTargets } from '../../src/ab/compare-targets.js';
import { judgeAb } from '../../src/ab/judge-ab.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

// Two real loopback servers: the candidate answers 25% later (40 ms against 50 ms). Both log
// which run (request-id prefix) reached them, in arrival order across the two.
const arrivals: Array<{ server: 'A' | 'B'; run: string }> = [];
const delayed = (server: 'A' | 'B', delayMs: number) =>
  startServer((req, res) => {
    const run = String(req.headers['x-request-id']).replace(/[^-]+$/, '');
    if (arrivals.at(-1)?.run !== run) arrivals.push({ server, run });
    setTimeout(() => res.end('ok'), delayMs);
  });
let fast: FixtureServer;
let slow: FixtureServer;
beforeAll(async () => {
  [fast, slow] = await Promise.all([delayed('A', 40), delayed('B', 50)]);
});
afterAll(() => Promise.all([fast.close(), slow.close()]));

const short = { users: 4, duration: '400ms', engine: 'undici' } as const;

describe('compareTargets against real servers', () => {
  test('runs the targets in ABBA order and records per-round figures of both sides', async ({
    task,
  }) => {
    arrivals.length = 0;
    const ab = await compareTargets({
      baseline: fast.url,
      candidate: slow.url,
      rounds: 4,
      ...short,
      name: 'ab-order',
    });
    expect(ab.order).toBe('ABBAABBA');
    expect(arrivals.map((a) => a.server).join('')).toBe('ABBAABBA');
    expect(new Set(arrivals.map((a) => a.run)).size).toBe(8);
    expect(ab).toMatchObject({
      kind: 'vitest-stress/ab',
      schemaVersion: 1,
      name: 'ab-order',
      baseline: `${fast.url}/`,
      candidate: `${slow.url}/`,
      roundDurationMs: 400,
    });
    for (const r of ab.rounds) {
      expect(r.baseline.ok).toBeGreaterThan(0);
      expect(r.candidate.ok).toBeGreaterThan(0);
      expect(r.baseline.p95Ms).toBeGreaterThanOrEqual(40);
      expect(r.candidate.p95Ms).toBeGreaterThanOrEqual(50);
    }
    expect(JSON.parse(JSON.stringify(ab))).toEqual(ab);
    const meta = task.meta.vitestStress;
    expect(meta?.ab).toEqual([ab]);
    expect(meta?.runs ?? []).toHaveLength(0); // the rounds' runs are summarised in the AB result only
  });

  // The median: with ~40 samples a run, p95 is the 2nd-largest answer and a busy machine's stall
  // decides it (the bench judges p95 with ~1000 samples a run).
  test('a 25% slower candidate is a p50 regression against +10%; the same server against itself is not', async () => {
    const slower = await compareTargets({
      baseline: fast.url,
      candidate: slow.url,
      rounds: 6,
      ...short,
    });
    expect(judgeAb(slower, { p50: '+10%' }).metrics[0].call).toBe('regression');
    expect(() => expect(slower).toShowNoRegression({ p50: '+10%' })).toThrow(
      /p50 ratio 1\.\d+ \[1\.\d+, 1\.\d+\] vs \+10%: regression/,
    );

    const same = await compareTargets({
      baseline: fast.url,
      candidate: fast.url,
      rounds: 6,
      ...short,
    });
    expect(judgeAb(same, { p50: '+10%' }).state).toBe('pass');
    expect(same).toShowNoRegression({ p50: '+10%' });
  });

  test('warm-up runs both targets before round 1 and is not in the rounds', async () => {
    const before = fast.seenIds.length + slow.seenIds.length;
    const ab = await compareTargets({
      baseline: fast.url,
      candidate: slow.url,
      rounds: 2,
      ...short,
      warmup: '200ms',
    });
    const inRounds = ab.rounds.reduce((n, r) => n + r.baseline.total + r.candidate.total, 0);
    expect(ab.warmupMs).toBe(200);
    expect(fast.seenIds.length + slow.seenIds.length - before).toBeGreaterThan(inRounds);
  });

  test('a sequential comparison stops at the look that decides it, and the matcher agrees', async () => {
    const twice = await delayed('B', 80); // a gross regression: p50 80 ms against 40 ms
    try {
      const tolerances = { p50: '+10%' };
      const ab = await compareTargets({
        baseline: fast.url,
        candidate: twice.url,
        sequential: { minRounds: 4, maxRounds: 8, tolerances },
        ...short,
      });
      expect(ab.sequential).toMatchObject({ stoppedBecause: 'decided', state: 'fail' });
      expect(ab.rounds).toHaveLength(ab.sequential!.roundsUsed);
      expect(ab.sequential!.roundsUsed).toBeLessThan(8); // stopped before its maximum
      expect(ab.sequential!.lookConfidence).toBeGreaterThan(0.95);
      expect(judgeAb(ab, tolerances, ab.sequential!.lookConfidence).state).toBe('fail');
      expect(ab).not.toShowNoRegression(tolerances);
    } finally {
      await twice.close();
    }
  });

  test('an aborted comparison stops between rounds and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const ab = await compareTargets({
      baseline: fast.url,
      candidate: slow.url,
      rounds: 4,
      ...short,
      signal: controller.signal,
    });
    expect(ab.rounds).toHaveLength(0);
    expect(ab.warnings).toContain('aborted after 0 of 4 rounds');
    expect(() => expect(ab).toShowNoRegression()).toThrow(
      /nothing to judge — 0 round\(s\); a paired interval needs at least 2/,
    );
  });
});
