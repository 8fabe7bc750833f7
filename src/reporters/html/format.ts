import { finite } from './thin.js';

/** A number for a table cell: up to `digits` decimals, thousands grouped; '–' when missing. */
export function num(value: unknown, digits = 1): string {
  const n = finite(value);
  if (n === null) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Milliseconds for a table cell, e.g. '12.3 ms'. */
export function ms(value: unknown): string {
  const n = finite(value);
  return n === null ? '–' : `${num(n, n < 10 ? 2 : 1)} ms`;
}

/** A 0..1 fraction as a percentage, e.g. '0.25%'. */
export function pct(value: unknown): string {
  const n = finite(value);
  return n === null ? '–' : `${num(n * 100, 2)}%`;
}

/** A duration in ms as seconds, e.g. '10.0 s'. */
export function seconds(valueMs: unknown): string {
  const n = finite(valueMs);
  return n === null ? '–' : `${(n / 1000).toFixed(1)} s`;
}
