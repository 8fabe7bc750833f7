import { InvalidOptionError, UnknownOptionError } from '../errors.js';

/**
 * How much worse than the baseline a figure may get before it is a regression:
 * latency percentiles as '+N%' (ratio), errorRate as '+Npp' (percentage points),
 * throughput as '-N%'. E.g. `{ p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' }`.
 */
export interface BaselineTolerances {
  p50?: string;
  p75?: string;
  p90?: string;
  p95?: string;
  p99?: string;
  p999?: string;
  errorRate?: string;
  throughput?: string;
}

/** A percentile key of BaselineTolerances and its percentile. */
export const PERCENTILE_KEYS = { p50: 50, p75: 75, p90: 90, p95: 95, p99: 99, p999: 99.9 } as const;
export type PercentileKey = keyof typeof PERCENTILE_KEYS;

/** One parsed tolerance: a ratio limit (latency, throughput) or a difference in percentage points. */
export type Tolerance =
  | { metric: PercentileKey; kind: 'ratio'; text: string; maxRatio: number }
  | { metric: 'throughput'; kind: 'ratio'; text: string; minRatio: number }
  | { metric: 'errorRate'; kind: 'difference'; text: string; maxIncrease: number };

const KEYS = [...Object.keys(PERCENTILE_KEYS), 'errorRate', 'throughput'];
const NUMBER = '(\\d+(?:\\.\\d+)?)';

function parseAmount(
  where: string,
  field: string,
  value: unknown,
  sign: '+' | '-',
  unit: '%' | 'pp',
): number {
  const match =
    typeof value === 'string' ? new RegExp(`^\\${sign}${NUMBER}${unit}$`).exec(value.trim()) : null;
  const amount = match ? Number(match[1]) : NaN;
  const max = unit === '%' && sign === '-' ? 100 : Infinity;
  if (!(amount >= 0 && amount < max))
    throw new InvalidOptionError(
      `${where}.${field}`,
      value,
      `a string like '${sign}10${unit === '%' ? '%' : 'pp'}'${unit === 'pp' ? ' (percentage points)' : ''}`,
    );
  return amount;
}

/** Closest known key by shared prefix, for "did you mean". */
function suggest(key: string): string | undefined {
  const lower = key.toLowerCase();
  return (
    KEYS.find((k) => k.toLowerCase() === lower) ??
    KEYS.find((k) => lower.startsWith(k.toLowerCase().slice(0, 3)))
  );
}

/**
 * Validate and parse the tolerances of toMatchPerfBaseline (or of `where`, the matcher named in
 * errors: toShowNoRegression uses the same syntax). Throws ERR_STRESS_UNKNOWN_OPTION for an
 * unknown key and ERR_STRESS_INVALID_OPTION for a malformed value or an empty object.
 */
export function parseTolerances(input: unknown, where = 'toMatchPerfBaseline'): Tolerance[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidOptionError(
      `${where} tolerances`,
      input,
      "an object such as { p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' }",
    );
  }
  const out: Tolerance[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!KEYS.includes(key))
      throw new UnknownOptionError(
        key,
        suggest(key),
        `${where} tolerances (known: ${KEYS.join(', ')})`,
      );
    if (key === 'errorRate')
      out.push({
        metric: 'errorRate',
        kind: 'difference',
        text: String(value),
        maxIncrease: parseAmount(where, key, value, '+', 'pp') / 100,
      });
    else if (key === 'throughput')
      out.push({
        metric: 'throughput',
        kind: 'ratio',
        text: String(value),
        minRatio: 1 - parseAmount(where, key, value, '-', '%') / 100,
      });
    else
      out.push({
        metric: key as PercentileKey,
        kind: 'ratio',
        text: String(value),
        maxRatio: 1 + parseAmount(where, key, value, '+', '%') / 100,
      });
  }
  if (out.length === 0)
    throw new InvalidOptionError(
      `${where} tolerances`,
      input,
      `at least one of ${KEYS.join(', ')}`,
    );
  return out;
}
