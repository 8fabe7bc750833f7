import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  test('--payload-size POSTs synthetic credit records as JSON; --header is sent', async () => {
    const seen: Array<{
      url?: string;
      method?: string;
      type?: string;
      tag?: string;
      records: number;
    }> = [];
    const target = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const records = req.method === 'POST' ? JSON.parse(text).records.length : 0;
        seen.push({
          url: req.url,
          method: req.method,
          type: req.headers['content-type'],
          tag: req.headers['x-tag'] as string | undefined,
          records,
        });
        res.writeHead(req.method === 'POST' && req.url === '/api/analyze' ? 200 : 405).end();
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    try {
      const c = capture();
      const flags = ['--users', '1..1', '--sla', 'errors<5%', '--level-duration', '1s'];
      const code = await capacityCommand(
        ['--target', url, ...flags, '--payload-size', '3', '--header', 'X-Tag: a:b'],
        c.io,
      );
      expect(code).toBe(0);
      // The level's requests; the search's own GET /metrics scrapes aside.
      const sent = seen.filter((r) => r.url !== '/metrics');
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent.map((r) => JSON.stringify(r)))).toEqual(
        new Set([
          JSON.stringify({
            url: '/api/analyze',
            method: 'POST',
            type: 'application/json',
            tag: 'a:b',
            records: 3,
          }),
        ]),
      );
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });

  test('a target that rejects every request (405) is named as a request problem, exit 1', async () => {
    const target = createServer((_req, res) => res.writeHead(405).end());
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    try {
      const c = capture();
      const flags = ['--users', '2..4:2', '--sla', 'p95<1000,errors<5%', '--level-duration', '1s'];
      expect(await capacityCommand(['--target', url, ...flags], c.io)).toBe(1);
      expect(c.out()).toMatch(
        /no capacity: even 2 users did not pass .*; limited by: the target rejected the requests \(HTTP 405; 100% /,
      );
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });

  test.each([
    [['--header', 'no-colon'], /--header must be 'Name: value'/],
    [['--header', 'bad name: x'], /--header must be 'Name: value'/],
    [['--payload-size', '0'], /--payload-size must be an integer from 1/],
    [['--payload-size', '2', '--body', '{}'], /--body or --payload-size, not both/],
    [
      ['--body', '@/nonexistent/body.json'],
      /--body @\/nonexistent\/body.json: cannot read the file \(ENOENT\)/,
    ],
  ])('request flags %j exit 2 naming the flag', async (flags, message) => {
    const c = capture();
    const base = ['--target', server.url, '--users', '1..1', '--sla', 'p95<10'];
    expect(await capacityCommand([...base, '--level-duration', '1s', ...flags], c.io)).toBe(2);
    expect(c.err()).toMatch(message);
  });
});
