import { StressError } from '../errors.js';
import type { ResolvedLoadOptions } from '../options/load-options.js';
import { autocannonDriver } from './autocannon-driver.js';
import type { Driver } from './driver.js';

/** autocannon for plain closed runs; the undici drivers for think time, stages and the open model. */
export function selectDriver(options: ResolvedLoadOptions): Driver {
  const plainClosed = options.model === 'closed' && options.stages.length === 0 && options.thinkTime === undefined;
  if (plainClosed && options.engine !== 'undici') return autocannonDriver;
  throw new StressError('ERR_STRESS_INVALID_OPTION', 'this workload model is not available yet');
}
