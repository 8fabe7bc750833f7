/**
 * How long load() takes to resolve after its AbortSignal fires, per engine — the "stops within
 * 1 s" promise of load(), measured here rather than asserted in unit tests (a busy machine
 * stretches any wall-clock bound). Each engine runs against a server that answers after 1 ms and
 * one that never answers (requests in flight at the abort are cancelled, not awaited).
 *
 *   npx tsx bench/stop-latency.ts [rounds=5]
 */
import type { LoadOptions } from '../src/options/load-options.js';
import { load } from '../src/load.js';
import { hangingServer, okServer, type FixtureServer } from '../test/helpers/servers.js';

const rounds = Number(process.argv[2] ?? 5) || 5;
const ABORT_AFTER_MS = 500;

const SHAPES: Record<string, Omit<LoadOptions, 'target'>> = {
  'autocannon, 4 users': { users: 4, engine: 'autocannon' },
  'undici virtual users, 4 users + 10 ms think': { users: 4, thinkTime: '10ms' },
  'undici open model, 200 req/s': { rate: 200 },
};

/** ms from abort() to load() resolving, once. */
async function stopMs(target: string, shape: Omit<LoadOptions, 'target'>): Promise<number> {
  const controller = new AbortController();
  let abortedAt = 0;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, ABORT_AFTER_MS);
  await load({
    target,
    ...shape,
    duration: '30s',
    signal: controller.signal,
    progress: false,
    ledger: false,
  });
  clearTimeout(timer);
  return performance.now() - abortedAt;
}

const servers: Record<string, FixtureServer> = {
  'answers in 1 ms': await okServer(1),
  'never answers': await hangingServer(),
};
try {
  console.log(
    `stop latency: ms from abort() to load() resolving, ${rounds} rounds each (median, max)`,
  );
  for (const [serverName, server] of Object.entries(servers)) {
    for (const [shapeName, shape] of Object.entries(SHAPES)) {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) times.push(await stopMs(server.url, shape));
      times.sort((a, b) => a - b);
      console.log(
        `  ${serverName.padEnd(16)} ${shapeName.padEnd(46)} median ` +
          `${times[Math.floor((times.length - 1) / 2)].toFixed(0)} ms, max ` +
          `${times[times.length - 1].toFixed(0)} ms`,
      );
    }
  }
} finally {
  await Promise.all(Object.values(servers).map((s) => s.close()));
}
