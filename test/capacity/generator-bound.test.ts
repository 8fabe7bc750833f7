import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCapacity } from '../../src/capacity/find-capacity.js';

// The target in a process of its own, so that starving this (the generator's) process leaves it
// untouched: it answers at once and exports an empty queue.
const TARGET = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  if (req.url === '/metrics') {
    res.end('# TYPE pool_queue_length gauge\\npool_queue_length 0\\n');
    return;
  }
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
`;

describe('findCapacity when the generator is CPU-starved', () => {
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', TARGET], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    url = line.trim();
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('its event loop blocked: the generator saturated first, the capacity is a lower bound', async () => {
    // Starve the generator: 300 ms of busy CPU in every 350 ms, for the search only.
    const starve = setInterval(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    }, 350);
    const result = await findCapacity({
      target: url,
      users: { from: 2, to: 4, step: 2 },
      sla: { errorRate: 0.5 },
      levelDuration: '1500ms',
      maxExtensions: 0,
      settle: 0,
      maxWallTime: '60s',
      // Scrapes from a starved process need a timeout longer than one 300 ms block.
      metrics: { intervalMs: 1000, names: ['pool_queue_length'] },
    }).finally(() => clearInterval(starve));
    expect(result.generatorBound).toBe(true);
    expect(result.levels[0].generatorWarnings[0]).toMatch(/load generator's event loop lagged/);
    expect(result.attribution.limitedBy[0]).toMatchObject({
      resource: 'load generator',
      sinceLevel: 2,
    });
    const [first, rest] = result.attribution.text.split('): ');
    expect(first).toMatch(
      /^the load generator saturated first \(load generator's event loop lagged .* from 2$/,
    );
    expect(rest).toBe(
      'the capacity found is a lower bound set by the generator, not by the target',
    );
    // The search reached its top level; the target's own readings, sampled at every level, show it idle.
    expect(result.outcome).toBe('limit-not-reached');
    expect(
      result.levels.every((l) =>
        l.resources?.some((r) => r.resource === 'queue pool_queue_length'),
      ),
    ).toBe(true);
    expect(result.levels.flatMap((l) => l.resources ?? []).filter((r) => r.saturated)).toEqual([]);
  }, 60_000);
});
