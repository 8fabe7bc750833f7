import { describe, expect, test } from 'vitest';
import type { TestRecord } from '../../src/contracts/perf-results.js';
import { summaryText } from '../../src/reporters/summary-text.js';
import { journeyRun } from './journey-fixture.js';

const record = (runs: TestRecord['runs']): TestRecord => ({
  file: 'suites/j.perf.ts',
  project: 'perf',
  name: 'checkout journeys',
  fullName: 'shop > checkout journeys',
  state: 'passed',
  durationMs: 1000,
  errors: [],
  runs,
  verdicts: [],
  annotations: [],
});

describe('journeys in the terminal summary', () => {
  test("the run's block has the Journeys and Steps tables, the prototype-named journey a row", () => {
    const text = summaryText([record([journeyRun()])]);
    const lines = text.split('\n');
    expect(lines).toContain('  Journeys:');
    expect(lines).toContain('  Steps:');
    expect(lines.find((l) => l.startsWith('    checkout '))).toMatch(/ pay ×15, login ×5$/);
    expect(lines.some((l) => l.startsWith('    __proto__ '))).toBe(true);
    expect(
      lines
        .find((l) => l.startsWith('    receipt '))!
        .split(/\s+/)
        .slice(1, 7),
    ).toEqual(['receipt', '280', '280', '0', '0', '20']);
  });
});
