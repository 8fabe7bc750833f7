import type { RunResult } from '../contracts/run-result.js';
import type { Driver } from '../engine/driver.js';
import type { RecorderReport } from '../recorder/recorder.js';
import { defineLazy } from '../recorder/lazy-property.js';
import { runClosedJourneys } from './closed-journeys.js';
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
  const journeyOfSeq: number[] = [];
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
    defineLazy(result, 'ledger', () =>
      report.ledger.map((entry) => {
        const iteration = journeyOfSeq[Number(entry.id.slice(idPrefix.length))];
        if (iteration === undefined) return entry;
        return {
          ...entry,
          journey: figures.journeyOf(iteration),
          journeyId: `${idPrefix}j${iteration}`,
        };
      }),
    );
  };
  return { driver, attach };
}
