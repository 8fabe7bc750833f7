import { missingBinaryReason } from '../../../src/metrics/prometheus/find-binary.js';

/**
 * Why tests that need the real `prometheus` (or `promtool`) must skip, printed once, or
 * undefined when the binary is there. Use with `describe.skipIf(...)`.
 */
export function skipWithoutBinary(name: 'prometheus' | 'promtool'): string | undefined {
  const reason = missingBinaryReason(name);
  if (reason) console.warn(`[skip] ${reason}`);
  return reason;
}
