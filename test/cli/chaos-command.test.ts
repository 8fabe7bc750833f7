import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosCommand } from '../../src/cli/chaos.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';
import { capture } from '../helpers/capture-io.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  );
});
afterAll(() => server.close());

// Short runs: 5 users for 3 s, 400 ms slow responses, a 1 s client timeout.
const quick = [
  '--users',
  '5',
  '--duration',
  '3',
  '--slow-ms',
  '400',
  '--timeout',
  '1',
  '--payload-size',
  '2',
];

describe('vitest-stress chaos', () => {
  test("prints the seed's block with the failure breakdown, exits 0 on PASSED; --output writes both", async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'vs-chaos-')), 'chaos.json');
    const c = capture();
    const code = await chaosCommand(
      [
        '--target',
        server.url,
        ...quick,
        '--timeout-rate',
        '0.05',
        '--network-error-rate',
        '0.05',
        '--slow-rate',
        '0.2',
        '--output',
        file,
      ],
      c.io,
    );
    const out = c.out();
    expect(out).toContain('CHAOS TEST RESULTS');
    expect(out).toMatch(
      /Injected: {10}timeouts 5\.0%, network errors 5\.0%, slow responses 20\.0% \(400 ms\)/,
    );
    expect(out).toMatch(/Total requests: {4}\d+/);
    expect(out).toMatch(/Successful: {8}\d+ \(\d+\.\d% of \d+ finished\)/);
    for (const line of ['Timeouts:', 'Network errors:', 'Slow responses:', 'Server errors:'])
      expect(out).toMatch(new RegExp(`    ${line} +\\d+`));
    expect(out).toContain('Not explained by an injected fault: 0');
    expect(out).toMatch(/RESILIENCE CHECK: PASSED \(success \d+\.\d%, required >= 80\.0%\)/);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.resilience).toMatchObject({ minSuccessRate: 0.8, passed: true });
    expect(written.faults.summary.networkErrors).toBeGreaterThan(0);
    expect(written.faults.summary.slowResponses).toBeGreaterThan(0);
    expect(written.requests.ok / (written.requests.ok + written.requests.failed)).toBeCloseTo(
      written.resilience.successRate,
      10,
    );
  });

  test('exits 1 with RESILIENCE CHECK: FAILED when the success share is below --min-success-rate', async () => {
    const c = capture();
    const code = await chaosCommand(
      [
        '--target',
        server.url,
        ...quick,
        '--network-error-rate',
        '0.5',
        '--timeout-rate',
        '0',
        '--slow-rate',
        '0',
      ],
      c.io,
    );
    expect(c.out()).toMatch(/RESILIENCE CHECK: FAILED \(success \d+\.\d%, required >= 80\.0%\)/);
    expect(code).toBe(1);
    const lenient = capture();
    expect(
      await chaosCommand(
        [
          '--target',
          server.url,
          ...quick,
          '--network-error-rate',
          '0.5',
          '--timeout-rate',
          '0',
          '--slow-rate',
          '0',
          '--min-success-rate',
          '0.2',
        ],
        lenient.io,
      ),
    ).toBe(0);
    expect(lenient.out()).toMatch(
      /RESILIENCE CHECK: PASSED \(success \d+\.\d%, required >= 20\.0%\)/,
    );
  });

  test.each([
    [[]],
    [['--target', 'http://127.0.0.1:9', '--timeout-rate', '1.5']],
    [
      [
        '--target',
        'http://127.0.0.1:9',
        '--timeout-rate',
        '0.5',
        '--slow-rate',
        '0.4',
        '--network-error-rate',
        '0.2',
      ],
    ],
    [['--target', 'http://127.0.0.1:9', '--slow-ms', '12000']],
    [['--target', 'http://127.0.0.1:9', '--users', '0']],
    [['--target', 'http://127.0.0.1:9', '--duration', 'forever']],
    [['--target', 'http://10.1.2.3:80']],
    [['--target', 'http://127.0.0.1:9', '--bogus']],
  ])('%j exits 2 with the usage', async (argv) => {
    const c = capture();
    expect(await chaosCommand(argv, c.io)).toBe(2);
    expect(c.err()).toContain('usage: vitest-stress chaos');
  });
});
