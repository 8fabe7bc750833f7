import { describe, expect, test } from 'vitest';
import { summaryText } from '../../src/reporters/summary-text.js';
import { journeyRecord } from '../helpers/journey-run.js';

describe('journeys in the terminal summary', () => {
  test("the run's block has the Journeys and Steps tables, the prototype-named journey a row", () => {
    const text = summaryText([journeyRecord()]);
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
