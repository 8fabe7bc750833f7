import { describe, expect, test } from 'vitest';
import { summaryText } from '../../src/reporters/summary-text.js';
import { journeyRecord } from '../helpers/journey-run.js';

describe('journeys in the terminal summary', () => {
  test("the run's block has the Journeys and Steps tables, the prototype-named journey a row", () => {
    const text = summaryText([journeyRecord()]);
    const lines = text.split('\n');
    expect(lines).toContain('  Journeys:');
    expect(lines).toContain('  Steps:');
    // Where the iterations failed, and each step's most common reason with its count.
    expect(lines.find((l) => l.startsWith('    checkout '))).toMatch(
      / pay ×15 \(check failed: status is not paid ×12\); login ×5 \(HTTP 503 ×5\)$/,
    );
    expect(lines.some((l) => l.startsWith('    __proto__ '))).toBe(true);
    expect(
      lines
        .find((l) => l.startsWith('    receipt '))!
        .split(/\s+/)
        .slice(1, 7),
    ).toEqual(['receipt', '280', '280', '0', '0', '20']);
  });
});
