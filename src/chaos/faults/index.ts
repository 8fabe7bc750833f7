import type { FaultDefinition } from './fault.js';
import { latency } from './latency.js';
import { reset } from './reset.js';
import { slowBody } from './slow-body.js';
import { status } from './status.js';
import { timeout } from './timeout.js';

export type { LatencyParams } from './latency.js';
export type { TimeoutParams } from './timeout.js';
export type { ResetParams } from './reset.js';
export type { StatusParams } from './status.js';
export type { SlowBodyParams } from './slow-body.js';

/** Every fault type by the name users write. */
// Each fault has its own params type; the table only checks the shape.
export const FAULTS = { latency, timeout, reset, status, slowBody } as const satisfies Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  FaultDefinition<any>
>;

export type FaultType = keyof typeof FAULTS;
export const FAULT_TYPES = Object.keys(FAULTS) as FaultType[];
