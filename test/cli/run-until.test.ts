import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCommand } from '../../src/cli/run.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';
import { capture } from '../helpers/capture-io.js';

// `vitest-stress run --stop-when-decided`: the flag SLAs are judged while running.
let server: FixtureServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    res.statusCode = req.url === '/api/analyze' ? 200 : 500;
    res.end('{}');
  });
});
afterAll(() => server.close());

describe('vitest-stress run --stop-when-decided', () => {
  test('a failing endpoint stops early with a conclusive breach and exit 1', async () => {
    const c = capture();
    const code = await runCommand(
      [
        '--target',
        server.url,
        '--users',
        '2',
        '--duration',
        '30s',
        '--payload-size',
        '1',
        '--endpoint',
        '/broken',
        '--max-error-rate',
        '0.1',
        '--stop-when-decided',
      ],
      c.io,
    );
    expect(c.out()).toMatch(/Stopped: decided at \d+\.\d s of at most 30 s \(errorRate fail\)/);
    expect(c.out()).toContain('SLA ✗ errorRate is not below 0.1 (conclusive at');
    expect(code).toBe(1);
  });

  test.each([
    [['--stop-when-decided', '--p95-below', '100'], /needs --duration/],
    [['--stop-when-decided', '--duration', '5s'], /needs --p95-below and\/or --max-error-rate/],
  ])('%j exits 2 naming what is missing', async (flags, message) => {
    const c = capture();
    expect(await runCommand(['--target', server.url, ...flags], c.io)).toBe(2);
    expect(c.err()).toMatch(message);
  });
});
