import { describe, expect, test } from 'vitest';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { runBlock } from '../../src/report-text/run-block.js';
import type { ScheduleReport } from '../../src/contracts/run-result.js';
import { fakeRun } from '../helpers/fake-run.js';

const schedule: ScheduleReport = {
  plannedSends: 100,
  sentSends: 98,
  lateSends: 3,
  lateThresholdMs: 10,
  maxLateMs: 25,
  droppedSends: 1,
  unsentSends: 1,
  eventLoopLagP99Ms: 4,
  eventLoopLagMaxMs: 9,
};

describe('toRunMeta', () => {
  test('keeps the typed sections, leaves out ledger, options, kind and schemaVersion; never builds the ledger', () => {
    const run = fakeRun([{ latencyMs: 5 }, { latencyMs: 7, status: 503 }]);
    run.schedule = schedule;
    let ledgerRead = false;
    Object.defineProperty(run, 'ledger', {
      enumerable: true,
      get: () => {
        ledgerRead = true;
        return [];
      },
    });
    const meta = toRunMeta(run);
    expect(ledgerRead).toBe(false);
    for (const key of ['ledger', 'options', 'kind', 'schemaVersion'])
      expect(meta).not.toHaveProperty(key);
    expect(meta.schedule).toEqual(schedule);
    expect(meta.requests).toEqual(run.requests);
    expect(meta.scenarios.default).not.toHaveProperty('histogram');
  });

  test('the shared result block shows the schedule section (CLI and reporter print the same lines)', () => {
    const run = fakeRun([{ latencyMs: 5 }]);
    run.schedule = schedule;
    expect(runBlock(toRunMeta(run))).toContain(
      '  Schedule:      98 of 100 planned sends made, 3 late (> 10 ms), 1 dropped at maxInFlight, 1 never made',
    );
  });
});
