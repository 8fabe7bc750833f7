import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrometheusStartError } from '../../errors.js';
import { prometheusConfig, type ScrapeTarget } from './config.js';
import { findBinary } from './find-binary.js';
import { freeLoopbackPort } from './free-port.js';
import { waitForFirstScrapes } from './wait-for-scrapes.js';
import { killOnExit, stopChild } from './stop-child.js';

/** Options of startPrometheus(). */
export interface StartPrometheusOptions {
  /** What to scrape: one job per metrics URL. */
  targets: readonly ScrapeTarget[];
  /** A rule file's YAML text (see alertRulesYaml()); loaded and evaluated every interval. */
  rules?: string;
  /** Scrape and evaluation interval, seconds; default 1. */
  intervalS?: number;
  /** The prometheus executable; default `prometheus` on PATH. */
  binary?: string;
  /** How long to wait for /-/ready and a first scrape of every target, ms; default 30 000. */
  readyTimeoutMs?: number;
}

/** A Prometheus child process on 127.0.0.1 with its own temp storage. */
export interface RunningPrometheus {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  pid: number;
  /** The temp directory holding prometheus.yml, rules.yml and the TSDB; removed by stop(). */
  dir: string;
  /** SIGTERM by PID (SIGKILL after 5 s), then the temp directory is removed. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_POLL_MS = 100;
const STDERR_TAIL_CHARS = 2000;

/**
 * Start `prometheus` on a free loopback port with a generated config (scrape + evaluation
 * interval `intervalS`, the targets, the rule file) and a temp storage directory, and wait until
 * `/-/ready` answers 200 and every target has been scraped once (up or down). The process is also
 * killed if this Node process exits first.
 * Throws PrometheusStartError (ERR_STRESS_PROMETHEUS_START) when there is no binary, it exits or it
 * is not ready in time.
 */
export async function startPrometheus(options: StartPrometheusOptions): Promise<RunningPrometheus> {
  const binary = options.binary ?? findBinary('prometheus');
  if (!binary)
    throw new PrometheusStartError(
      'prometheus is not on PATH (Debian: apt-get install -y prometheus)',
    );
  const dir = await mkdtemp(join(tmpdir(), 'vitest-stress-prom-'));
  try {
    const ruleFiles = options.rules === undefined ? [] : [join(dir, 'rules.yml')];
    if (options.rules !== undefined) await writeFile(ruleFiles[0], options.rules);
    await writeFile(
      join(dir, 'prometheus.yml'),
      prometheusConfig({ targets: options.targets, intervalS: options.intervalS, ruleFiles }),
    );
    const port = await freeLoopbackPort();
    const child = spawn(
      binary,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const url = `http://127.0.0.1:${port}`;
    const disarm = killOnExit(child);
    let stderr = '';
    // A spawn failure (ENOENT, EACCES) arrives as an event; keep it for waitReady to report.
    child.once('error', (error) => {
      stderr += `spawn failed: ${error.message}`;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    const stop = async () => {
      disarm();
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    };
    try {
      const readyBy = Date.now() + (options.readyTimeoutMs ?? 30_000);
      await waitReady(url, child, readyBy - Date.now(), () => stderr);
      await waitForFirstScrapes(url, options.targets.length, Math.max(0, readyBy - Date.now()));
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, pid: child.pid!, dir, stop };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Poll `/-/ready` until 200; fail early when the child exits. */
async function waitReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      throw new PrometheusStartError(
        `prometheus exited (${child.exitCode ?? child.signalCode ?? 'not started'}) before ` +
          `it was ready: ${stderr().trim()}`,
      );
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new PrometheusStartError(
    `prometheus at ${url} was not ready within ${timeoutMs} ms: ${stderr().trim()}`,
  );
}
