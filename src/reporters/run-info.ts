import { execFileSync } from 'node:child_process';
import { cpus, totalmem, hostname } from 'node:os';
import type { RunInfo } from '../contracts/perf-results.js';

/** Collect run metadata; never throws. */
export function runInfo(root: string, now = new Date()): RunInfo {
  const list = cpus();
  return {
    date: now.toISOString(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: list.length,
    cpuModel: list[0]?.model?.trim() ?? 'unknown',
    totalMemoryMB: Math.round(totalmem() / 1024 / 1024),
    hostname: hostname(),
    gitSha: gitSha(root),
    profile: process.env.STRESS_PROFILE || 'quick',
    ci: Boolean(process.env.CI),
  };
}

function gitSha(root: string): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}
