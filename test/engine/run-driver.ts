import type { Driver, DriverReport } from '../../src/engine/driver.js';
import { RequestPlan } from '../../src/engine/request-plan.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import { Recorder, type RecorderReport } from '../../src/recorder/recorder.js';

/** Run one driver directly (no load()), to see its own report and warnings. */
export async function runDriver(
  driver: Driver,
  options: LoadOptions,
  signal = new AbortController().signal,
): Promise<{
  driverReport: DriverReport;
  report: RecorderReport;
  warnings: string[];
  wallMs: number;
}> {
  const resolved = validateLoadOptions({ progress: false, ledger: false, ...options });
  const recorder = new Recorder({ idPrefix: 'test-', ledger: resolved.ledger });
  const warnings: string[] = [];
  const started = performance.now();
  const driverReport = await driver({
    options: resolved,
    recorder,
    plan: new RequestPlan(resolved),
    signal,
    warn: (m) => warnings.push(m),
  });
  const wallMs = performance.now() - started;
  return { driverReport, report: recorder.finish(), warnings, wallMs };
}

/** Block this process's event loop for `ms` (to play an overloaded generator). */
export function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
}
