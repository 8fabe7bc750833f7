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

  test("the Steps table's last column counts the step's failures by check or capture", () => {
    const run = journeyRecord();
    const steps = run.runs[0].steps!;
    // Worded like a check failure, but not recorded as one: not counted.
    steps.login.errors = [{ message: 'check your network', count: 5 }];
    const lines = summaryText([run]).split('\n');
    const last = (step: string) =>
      lines
        .find((l) => l.startsWith(`    ${step} `))!
        .split(/\s+/)
        .at(-1);
    expect(lines.find((l) => l.startsWith('    step '))).toMatch(/ p99 ms {2}check failures$/);
    expect([last('pay'), last('login')]).toEqual(['13', '0']);
    delete steps.pay.checkFailures; // a result of an older version
    expect(
      summaryText([run])
        .split('\n')
        .find((l) => l.startsWith('    pay ')),
    ).toMatch(/ n\/a$/);
  });
});
