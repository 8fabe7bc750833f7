import type { ResolvedLoadOptions } from '../options/load-options.js';
import { autocannonDriver } from './autocannon-driver.js';
import type { Driver } from './driver.js';
import { openDriver } from './open-driver.js';
import { vuDriver } from './vu-driver.js';

/**
 * The open-model driver for `rate` (or rate stages); autocannon for plain closed runs (the
 * fastest closed loop); the virtual-user driver on undici for think time, user stages,
 * client-side chaos, or when `engine: 'undici'` is asked for.
 */
export function selectDriver(options: ResolvedLoadOptions): Driver {
  if (options.model === 'open') return openDriver;
  const plainClosed =
    options.stages.length === 0 &&
    options.thinkTime === undefined &&
    options.clientTimeout === undefined;
  if (plainClosed && options.engine !== 'undici') return autocannonDriver;
  return vuDriver;
}
