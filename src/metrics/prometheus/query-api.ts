import { PrometheusQueryError, type PrometheusQueryErrorCode } from '../../errors.js';
import type { PromQuery } from './queries.js';

/** One series of an answer: its labels and its points (unix seconds, value). */
export interface ApiSeries {
  /** Label set; a null-prototype object (label names come from the server). */
  labels: Record<string, string>;
  points: Array<{ tS: number; value: number }>;
}

/** Where and how to ask. */
export interface ApiRequest {
  prometheusUrl: string;
  /** '/api/v1/query' or '/api/v1/query_range'. */
  path: string;
  params: Record<string, string>;
  timeoutMs: number;
}

/**
 * Run one query over Prometheus' HTTP API and return its series (a scalar or an instant vector
 * gives one point per series). Every failure is a PrometheusQueryError naming the query:
 * BAD_QUERY (4xx / errorType bad_data), SERVER (5xx), TIMEOUT, UNREACHABLE, MALFORMED (not the API's JSON).
 */
export async function queryApi(query: PromQuery, request: ApiRequest): Promise<ApiSeries[]> {
  const fail = (code: PrometheusQueryErrorCode, detail: string, cause?: unknown) =>
    new PrometheusQueryError(code, query, request.prometheusUrl, detail, cause);
  const url = new URL(request.path, request.prometheusUrl);
  for (const [k, v] of Object.entries({ ...request.params, query: query.expr }))
    url.searchParams.set(k, v);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(request.timeoutMs) });
    text = await response.text();
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw fail(
        'ERR_STRESS_PROMETHEUS_TIMEOUT',
        `no answer within ${request.timeoutMs} ms`,
        error,
      );
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    throw fail(
      'ERR_STRESS_PROMETHEUS_UNREACHABLE',
      `not reachable (${cause?.code ?? cause?.message ?? (error as Error)?.message})`,
      error,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    if (response.status >= 500)
      throw fail('ERR_STRESS_PROMETHEUS_SERVER', `HTTP ${response.status}: ${text.slice(0, 200)}`);
    throw fail(
      'ERR_STRESS_PROMETHEUS_MALFORMED',
      `HTTP ${response.status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`,
      error,
    );
  }
  const answer = body as {
    status?: unknown;
    errorType?: unknown;
    error?: unknown;
    data?: { resultType?: unknown; result?: unknown };
  };
  if (answer?.status === 'error') {
    const detail = `${answer.errorType}: ${answer.error}`;
    if (answer.errorType === 'timeout') throw fail('ERR_STRESS_PROMETHEUS_TIMEOUT', detail);
    if (response.status >= 500)
      throw fail('ERR_STRESS_PROMETHEUS_SERVER', `HTTP ${response.status}, ${detail}`);
    throw fail('ERR_STRESS_PROMETHEUS_BAD_QUERY', detail);
  }
  if (response.status >= 500) throw fail('ERR_STRESS_PROMETHEUS_SERVER', `HTTP ${response.status}`);
  if (answer?.status !== 'success' || typeof answer.data !== 'object' || answer.data === null) {
    throw fail(
      'ERR_STRESS_PROMETHEUS_MALFORMED',
      `HTTP ${response.status}, not a Prometheus API answer: ${text.slice(0, 80)}`,
    );
  }
  try {
    return toSeries(answer.data.resultType, answer.data.result);
  } catch (error) {
    throw fail('ERR_STRESS_PROMETHEUS_MALFORMED', (error as Error).message, error);
  }
}

/** Turn `data.result` into series; throws on any shape the API does not produce. */
function toSeries(resultType: unknown, result: unknown): ApiSeries[] {
  if (resultType === 'scalar') return [{ labels: Object.create(null), points: [point(result)] }];
  if (!Array.isArray(result))
    throw new Error(`result of type ${String(resultType)} is not an array`);
  return result.map((entry: { metric?: unknown; value?: unknown; values?: unknown }) => {
    const labels = labelsOf(entry?.metric);
    if (resultType === 'vector') return { labels, points: [point(entry.value)] };
    if (resultType === 'matrix' && Array.isArray(entry.values))
      return { labels, points: entry.values.map(point) };
    throw new Error(`unexpected result type ${String(resultType)}`);
  });
}

function labelsOf(metric: unknown): Record<string, string> {
  if (typeof metric !== 'object' || metric === null)
    throw new Error('a series without a metric object');
  const labels: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(metric)) {
    if (typeof v !== 'string') throw new Error(`label ${k} is not a string`);
    labels[k] = v;
  }
  return labels;
}

/** Prometheus' spellings of non-finite values (Number() does not read '+Inf'). */
const SPECIAL_VALUES = new Map([
  ['+Inf', Infinity],
  ['-Inf', -Infinity],
  ['NaN', NaN],
]);

/** `[1700000000.5, "12.3"]` → { tS, value }; "NaN" and "+Inf" stay non-finite numbers. */
function point(pair: unknown): { tS: number; value: number } {
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    typeof pair[0] !== 'number' ||
    typeof pair[1] !== 'string'
  ) {
    throw new Error(`a point is not [unixSeconds, "value"]: ${JSON.stringify(pair)?.slice(0, 60)}`);
  }
  const value = SPECIAL_VALUES.get(pair[1]) ?? Number(pair[1]);
  if (Number.isNaN(value) && pair[1] !== 'NaN')
    throw new Error(`value ${JSON.stringify(pair[1])} is not a number`);
  return { tS: pair[0], value };
}
