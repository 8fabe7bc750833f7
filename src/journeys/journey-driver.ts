import type { LedgerEntry, RunResult } from '../contracts/run-result.js';
import type { Driver } from '../engine/driver.js';
import type { RecorderReport } from '../recorder/recorder.js';
import { defineLazy } from '../recorder/lazy-property.js';
import { runClosedJourneys } from './closed-journeys.js';
import { journeyLedger } from './journey-ledger.js';
import { UintColumn } from './uint-column.js';
import type { JourneyRun } from './journey-run.js';
import { runOpenJourneys } from './open-journeys.js';
import type { ResolvedJourney } from './validate-journeys.js';

/** A driver for `load({ journeys })` and the step that adds its figures to the result. */
export interface JourneyDriver {
  driver: Driver;
  /** Add `steps`, `journeys` and the ledger's journey ids to a result built from the run's recorder. */
  attach(result: RunResult, report: RecorderReport, idPrefix: string): void;
}

/** The closed (users) or open (rate) journey driver, picked by the options' model. */
export function createJourneyDriver(journeys: readonly ResolvedJourney[]): JourneyDriver {
  const journeyOfSeq = new UintColumn();
  let run: JourneyRun | undefined;
  const driver: Driver = async (context) => {
    if (context.options.model === 'open') {
      const open = await runOpenJourneys(context, journeys, journeyOfSeq);
      run = open.run;
      return { engine: 'undici-open', schedule: open.schedule };
    }
    run = await runClosedJourneys(context, journeys, journeyOfSeq);
    return { engine: 'undici' };
  };
  const stepNames = [...new Set(journeys.flatMap((j) => j.steps.map((s) => s.name)))];
  const attach = (result: RunResult, report: RecorderReport, idPrefix: string) => {
    const figures = run!.figures;
    result.steps = figures.stepSummaries(stepNames, report.scenarios, report.durationMs);
    result.journeys = figures.journeySummaries(report.durationMs);
    const link = (entry: LedgerEntry) => {
      const iteration = journeyOfSeq.get(Number(entry.id.slice(idPrefix.length)));
      if (iteration === 0) return entry;
      entry.journey = figures.journeyOf(iteration);
      entry.journeyId = `${idPrefix}j${iteration}`;
      return entry;
    };
    // As for plain runs: an array while the ledger is in memory, streamed once it is on disk.
    defineLazy(result, 'ledger', () => journeyLedger(report.ledger, link));
  };
  return { driver, attach };
}
