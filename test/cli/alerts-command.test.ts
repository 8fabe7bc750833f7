import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { alertsCommand } from '../../src/cli/alerts.js';
import { skipWithoutBinary } from '../metrics/prometheus/needs-prometheus.js';

const exec = promisify(execFile);

async function exportRules(argv: string[] = []) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
  };
  const code = await alertsCommand(['export', ...argv], io);
  return { code, stdout, stderr };
}

/** promtool's verdict on a rule file: exit code and output. */
async function promtoolCheck(text: string): Promise<{ code: number; output: string }> {
  const file = join(await mkdtemp(join(tmpdir(), 'vs-alerts-')), 'alerts.yml');
  await writeFile(file, text);
  try {
    const { stdout, stderr } = await exec('promtool', ['check', 'rules', file]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('vitest-stress alerts export', () => {
  test('prints one alerting rule per seed rule with expr > threshold, for, severity and summary', async () => {
    const { code, stdout } = await exportRules();
    expect(code).toBe(0);
    const file = parse(stdout);
    const rules = file.groups[0].rules;
    expect(
      rules.map((r: { alert: string; for: string; labels: { severity: string } }) => [
        r.alert,
        r.for,
        r.labels.severity,
      ]),
    ).toEqual([
      ['EthixErrorRateCritical', '5m', 'critical'],
      ['EthixP95LatencyCritical', '0s', 'critical'],
      ['EthixBackendMemoryCritical', '0s', 'critical'],
      ['EthixMongoConnectionsCritical', '0s', 'critical'],
      ['EthixErrorRateWarning', '5m', 'warning'],
      ['EthixCpuWarning', '10m', 'warning'],
      ['EthixMongoConnectionsWarning', '0s', 'warning'],
    ]);
    expect(rules[2].expr).toBe('process_resident_memory_bytes{job="ethix-backend"} > 524288000');
    expect(rules[0].annotations.summary).toBe('Error rate above 15% for 5 minutes');
  });

  test('--profile quick scales the for windows (5m → 30s, 10m → 60s → 1m)', async () => {
    const rules = parse((await exportRules(['--profile', 'quick', '--window', '15s'])).stdout)
      .groups[0].rules;
    expect(rules.map((r: { for: string }) => r.for)).toEqual([
      '30s',
      '0s',
      '0s',
      '0s',
      '30s',
      '1m',
      '0s',
    ]);
    expect(rules[0].expr).toContain('[15s]');
  });

  test.each([
    [['--profile', 'slow']],
    [['--window', '1x']],
    [['--backend-job', 'a b']],
    [['--nope']],
  ])('%j exits 2 with the usage', async (argv) => {
    const { code, stderr } = await exportRules(argv);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: vitest-stress alerts export');
  });

  test('no subcommand exits 2', async () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await alertsCommand([], io)).toBe(2);
  });
});

describe.skipIf(skipWithoutBinary('promtool'))('promtool check rules', () => {
  test('accepts the exported rule file, as written and scaled', async () => {
    for (const argv of [[], ['--profile', 'smoke', '--window', '10s']]) {
      const { code, output } = await promtoolCheck((await exportRules(argv)).stdout);
      expect(output).toContain('SUCCESS: 7 rules found');
      expect(code).toBe(0);
    }
  });

  test('rejects a file whose PromQL is broken (the check is real)', async () => {
    const broken = (await exportRules()).stdout.replace('> 0.15', '> > 0.15');
    const { code, output } = await promtoolCheck(broken);
    expect(code).toBe(1);
    expect(output).toMatch(/FAILED/);
  });
});
