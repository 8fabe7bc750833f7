import { defineFault } from './fault.js';
import { expectNumber } from './parse-number.js';

/** Delay the request by `ms` ± `jitterMs` (uniform), then forward it: a slow response. */
export interface LatencyParams {
  /** Added delay, ms. */
  ms: number;
  /** The delay varies uniformly in [ms - jitterMs, ms + jitterMs] (never below 0), ms. Default 0. */
  jitterMs: number;
}

export const latency = defineFault<LatencyParams>({
  type: 'latency',
  keys: ['ms', 'jitterMs'],
  parse: (raw, field) => ({
    ms: expectNumber(raw.ms, `${field}.ms`),
    jitterMs: expectNumber(raw.jitterMs, `${field}.jitterMs`, { fallback: 0 }),
  }),
  describe: ({ ms, jitterMs }) => `latency ${ms}${jitterMs ? `±${jitterMs}` : ''} ms`,
  async apply({ ms, jitterMs }, exchange) {
    const delayMs = Math.max(0, ms + jitterMs * (2 * exchange.random() - 1));
    await exchange.sleep(delayMs);
    if (!exchange.signal.aborted) await exchange.forward();
  },
});
