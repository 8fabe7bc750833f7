import { describe, expect, test } from 'vitest';
import { ADD_USAGE, historyAddCommand } from '../../src/cli/history-add.js';
import { capture } from '../helpers/capture-io.js';

describe('history add flags', () => {
  test.each([
    [
      ['r.json', '--store', 's', '--comit', 'abc'],
      'ERR_STRESS_UNKNOWN_OPTION',
      'unknown option "--comit" in history add (flags: --store, --run-id, --commit, --branch, ' +
        '--help); did you mean "--commit"?',
    ],
    [
      ['r.json', '--store'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--store": got undefined, expected a store: a directory or a .jsonl file',
    ],
    [
      ['r.json', '--store', 's', '--run-id'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--run-id": got undefined, expected a run id: letters, digits, ".", "_" or "-"',
    ],
    [
      ['r.json', '--store', 's', '--run-id', '../x'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "run-id": got "../x", expected letters, digits, ".", "_" or "-" (1-128, not ' +
        'starting with "." "_" "-")',
    ],
    [
      ['r.json'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--store": got undefined, expected a store: a directory or a .jsonl file (required)',
    ],
    [
      ['--store', 's'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "perf-results.json argument": got [], expected exactly one perf-results.json file',
    ],
    [
      ['a.json', 'b.json', '--store', 's'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "perf-results.json argument": got ["a.json","b.json"], expected exactly one ' +
        'perf-results.json file',
    ],
  ])('%j → %s', async (argv, code, message) => {
    const { io, err, out } = capture();
    expect(await historyAddCommand(argv, io, {})).toBe(2);
    expect(err()).toBe(`vitest-stress history add: ${message} [${code}]\n\n${ADD_USAGE}\n`);
    expect(out()).toBe('');
  });

  test('--help prints the usage and exits 0', async () => {
    const { io, out } = capture();
    expect(await historyAddCommand(['--help'], io, {})).toBe(0);
    expect(out()).toMatch(/^usage: vitest-stress history add <perf-results.json> --store/);
  });
});
