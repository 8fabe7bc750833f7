// Numbers and received values as messages show them. Imports nothing from the project.

/** A number for messages: at most one decimal above 100, three significant digits below. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(3)));
}

/** A fraction as a percentage: 0.004 → '0.4%'. */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/** What a matcher received, when it is not a run result. */
export function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  if (value instanceof Promise) return 'a Promise (did you forget await?)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const keys = Object.keys(value as object).slice(0, 5);
  return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
}
