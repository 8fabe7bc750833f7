import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { capacityCommand } from '../../src/cli/capacity.js';
import { parseSla } from '../../src/cli/capacity-flags.js';
import { startPoolServer, type PoolServer } from '../helpers/pool-server.js';
import { capture } from '../helpers/capture-io.js';

// `vitest-stress capacity`: the seed's "document max users" as one command, against the
// ground-truth pool server (4 workers × 20 ms: p95 < 60 ms holds up to about 12 users).
let server: PoolServer;
let dir: string;
beforeAll(async () => {
  server = await startPoolServer(4, 20);
  dir = await mkdtemp(join(tmpdir(), 'vs-capacity-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('vitest-stress capacity', () => {
  test('finds the breaking point, prints every level and the limiter, exits 0, writes the result', async () => {
    const c = capture();
    const output = join(dir, 'capacity.json');
    const code = await capacityCommand(
      [
        '--target',
        server.url,
        '--users',
        '4..28:8',
        '--sla',
        'p95<60',
        '--level-duration',
        '2s',
        '--output',
        output,
      ],
      c.io,
    );
    expect(c.out()).toMatch(
      /breaking point: \d+ users \(95%: passes at \d+, fails at \d+ on p95\); limited by: /,
    );
    expect(c.out()).toMatch(/^ +4 users: pass/m);
    expect(code).toBe(0);
    const saved = JSON.parse(await readFile(output, 'utf8'));
    expect(saved).toMatchObject({ kind: 'vitest-stress/capacity', outcome: 'found' });
  });

  test('even the first level failing exits 1', async () => {
    const c = capture();
    const code = await capacityCommand(
      ['--target', server.url, '--users', '40..60:20', '--sla', 'p95<30', '--level-duration', '1s'],
      c.io,
    );
    expect(c.out()).toContain('no capacity: even');
    expect(code).toBe(1);
  });

  test.each([
    [['--users', '10..5', '--sla', 'p95<10'], /--users: need 0 < FROM <= TO/],
    [['--users', '10-50', '--sla', 'p95<10'], /--users must be FROM..TO/],
    [['--users', '1..5'], /missing --sla/],
    [['--sla', 'p95<10'], /exactly one of --users/],
    [['--users', '1..5', '--sla', 'p95>10'], /'p95>10': use p95</],
    [['--users', '1..5', '--sla', 'latency<10'], /'latency<10' is not one of/],
  ])('%j exits 2 naming the flag', async (flags, message) => {
    const c = capture();
    expect(await capacityCommand(['--target', server.url, ...flags], c.io)).toBe(2);
    expect(c.err()).toMatch(message);
  });

  test('the SLA syntax: percentiles in ms, errors as a percentage or a fraction, throughput above', () => {
    expect(parseSla('p95<5000, errors<5%, throughput>100')).toEqual({
      p95: 5000,
      errorRate: 0.05,
      throughput: 100,
    });
    expect(parseSla('p99<200,errors<0.01')).toEqual({ p99: 200, errorRate: 0.01 });
  });
});
