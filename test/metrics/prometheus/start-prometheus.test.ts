import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  startPrometheus,
  type RunningPrometheus,
} from '../../../src/metrics/prometheus/start-prometheus.js';
import { prometheusConfig } from '../../../src/metrics/prometheus/config.js';
import { findBinary, missingBinaryReason } from '../../../src/metrics/prometheus/find-binary.js';
import { servePrometheus, type PromServer } from '../prom-server.js';
import { skipWithoutBinary } from './needs-prometheus.js';

function promDirs(): string[] {
  return readdirSync(tmpdir()).filter((d) => d.startsWith('vitest-stress-prom-'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('prometheusConfig', () => {
  test('one job per target, 1 s intervals, the rule files', () => {
    const text = prometheusConfig({
      targets: [{ job: 'app', url: 'http://127.0.0.1:9/m' }],
      ruleFiles: ['/x/rules.yml'],
    });
    expect(text).toContain('scrape_interval: 1s');
    expect(text).toContain('evaluation_interval: 1s');
    expect(text).toContain('metrics_path: /m');
    expect(text).toContain('- 127.0.0.1:9');
    expect(text).toContain('- /x/rules.yml');
  });

  test('bad targets are coded errors naming the field', () => {
    expect(() => prometheusConfig({ targets: [{ job: 'a b', url: 'http://x/' }] })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'targets[0].job' }),
    );
    expect(() => prometheusConfig({ targets: [{ job: 'a', url: 'ftp://x/' }] })).toThrow(
      expect.objectContaining({ field: 'targets[0].url' }),
    );
    expect(() => prometheusConfig({ targets: [] })).toThrow(
      expect.objectContaining({ field: 'targets' }),
    );
  });
});

describe('findBinary', () => {
  test('finds an executable on the given PATH, and nothing on an empty one', () => {
    expect(findBinary('sh', '/nonexistent:/bin')).toBe('/bin/sh');
    expect(findBinary('prometheus', '')).toBeUndefined();
  });

  test('the skip reason says how to install Prometheus', () => {
    expect(missingBinaryReason('no-such-binary-here')).toBe(
      'no-such-binary-here is not on PATH: install it with `apt-get install -y prometheus` ' +
        '(Debian ships prometheus and promtool)',
    );
    expect(missingBinaryReason('sh')).toBeUndefined();
  });
});

describe('startPrometheus failures', () => {
  test('a binary that exits at once is ERR_STRESS_PROMETHEUS_START and leaves no temp dir', async () => {
    const before = promDirs();
    const error = await startPrometheus({
      targets: [{ job: 'a', url: 'http://127.0.0.1:9/metrics' }],
      binary: '/bin/false',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_START',
      message: expect.stringContaining('exited'),
    });
    expect(promDirs().filter((d) => !before.includes(d))).toEqual([]);
  });

  test('a missing binary is ERR_STRESS_PROMETHEUS_START', async () => {
    await expect(
      startPrometheus({
        targets: [{ job: 'a', url: 'http://127.0.0.1:9/metrics' }],
        binary: '/nonexistent/prometheus',
      }),
    ).rejects.toMatchObject({
      code: 'ERR_STRESS_PROMETHEUS_START',
    });
  });
});

describe.skipIf(skipWithoutBinary('prometheus'))('startPrometheus with the real binary', () => {
  let target: PromServer;
  let prom: RunningPrometheus;
  beforeAll(async () => {
    target = await servePrometheus(() => '# TYPE demo_total counter\ndemo_total 7\n');
    prom = await startPrometheus({ targets: [{ job: 'demo', url: target.url }] });
  });
  afterAll(async () => {
    await prom?.stop();
    await target?.close();
  });

  test('ready on 127.0.0.1 after a first scrape, scrapes each second; stop() kills by PID, removes dir', async () => {
    expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(alive(prom.pid)).toBe(true);
    // startPrometheus resolves only once every target has been scraped (no empty first queries).
    expect(target.scrapes()).toBeGreaterThanOrEqual(1);
    await vi.waitFor(
      async () => {
        const body = (await (await fetch(`${prom.url}/api/v1/query?query=demo_total`)).json()) as {
          data: { result: unknown[] };
        };
        expect(body.data.result).toEqual([
          expect.objectContaining({
            metric: expect.objectContaining({ job: 'demo' }),
            value: [expect.any(Number), '7'],
          }),
        ]);
      },
      { timeout: 15_000, interval: 250 },
    );
    await vi.waitFor(() => expect(target.scrapes()).toBeGreaterThanOrEqual(3), {
      timeout: 15_000,
      interval: 250,
    });
    await prom.stop();
    expect(alive(prom.pid)).toBe(false);
    expect(existsSync(prom.dir)).toBe(false);
    await prom.stop();
  });
});
