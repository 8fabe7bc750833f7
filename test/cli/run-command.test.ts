import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCommand } from '../../src/cli/run.js';
import { downUrl, startServer, type FixtureServer } from '../helpers/servers.js';
import { capture } from '../helpers/capture-io.js';

let server: FixtureServer;
const bodies: string[] = [];
beforeAll(async () => {
  server = await startServer((req, res, body) => {
    bodies.push(body);
    res.statusCode = req.url === '/api/analyze' ? 200 : 404;
    res.end('{}');
  });
});
afterAll(() => server.close());

describe('vitest-stress run', () => {
  test('runs users × requests with the payload and prints the seed result block', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-cli-'));
    const c = capture();
    const code = await runCommand(
      [
        '--target',
        server.url,
        '--users',
        '5',
        '--requests',
        '20',
        '--payload-size',
        '10',
        '--timeout',
        '5',
        '--output',
        join(dir, 'results.json'),
      ],
      c.io,
    );
    expect(code).toBe(0);
    const out = c.out();
    expect(out).toContain('STRESS TEST RESULTS');
    expect(out).toContain('Total:         100 sent');
    expect(out).toContain('Successful:    100 (100.0%)');
    expect(out).toMatch(
      /Latency \(ms\): {2}min [\d.]+ {2}mean [\d.]+ {2}median [\d.]+ {2}p95 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+/,
    );
    expect(out).toContain('Status codes:  200: 100');
    expect(JSON.parse(bodies[0]).records).toHaveLength(10);
    const saved = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    expect(saved.requests.total).toBe(100);
    expect(saved.ledger).toHaveLength(100);
  });

  test('a breached SLA flag exits 1 and says why', async () => {
    const c = capture();
    const code = await runCommand(
      [
        '--target',
        server.url,
        '--users',
        '1',
        '--requests',
        '5',
        '--payload-size',
        '1',
        '--endpoint',
        '/nope',
        '--max-error-rate',
        '0.1',
      ],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.out()).toContain('SLA ✗ no request succeeded');
    expect(c.out()).toContain('SLA ✗ error rate 100.00% is not below 10.00%');
  });

  test('a target that is down finishes and exits 1', async () => {
    const c = capture();
    const code = await runCommand(
      ['--target', await downUrl(), '--users', '2', '--duration', '500ms', '--payload-size', '1'],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.out()).toMatch(/Errors: +connect ECONNREFUSED/);
  });

  test.each([
    [['--users', '5'], 'missing --target <url>'],
    [
      ['--target', 'http://127.0.0.1:1', '--users', 'many'],
      '--users must be an integer from 1 to 1000000, got "many"',
    ],
    [
      ['--target', 'http://127.0.0.1:1', '--users', '-5'],
      '--users must be an integer from 1 to 1000000, got "-5"',
    ],
    [
      ['--target', 'http://127.0.0.1:1', '--payload-size', '100000000'],
      '--payload-size must be an integer from 0 to 1000000, got "100000000"',
    ],
    [
      ['--target', 'http://127.0.0.1:1', '--max-error-rate', '2'],
      '--max-error-rate must be a number > 0 and at most 1, got "2"',
    ],
    [
      ['--target', 'http://127.0.0.1:1', '--seed', '99999999999999999999'],
      '--seed must be an integer from 0 to 9007199254740991',
    ],
    [
      ['--target', 'http://127.0.0.1:1', '--timeout=-3'],
      '--timeout must be a number > 0, got "-3"',
    ],
    [['--target', 'http://127.0.0.1:1', '--bogus'], "Unknown option '--bogus'"],
    [['--target', 'http://10.1.1.1'], 'refusing to load non-loopback target'],
  ])('bad flags %j exit 2 naming the flag', async (args, message) => {
    const c = capture();
    expect(await runCommand(args, c.io)).toBe(2);
    expect(c.err()).toContain(message);
    // A person's message, not a stack trace or an internal field name.
    expect(c.err()).not.toMatch(/\n\s+at |invalid option "n"/);
  });
});
