/**
 * Coded errors. Every error vitest-stress throws carries a namespaced literal `code`
 * (like undici's `UND_ERR_*`) so callers can switch on it instead of parsing messages.
 */

export type StressErrorCode =
  | 'ERR_STRESS_INVALID_OPTION'
  | 'ERR_STRESS_UNKNOWN_OPTION'
  | 'ERR_STRESS_REMOTE_TARGET'
  | 'ERR_STRESS_WRITE_FAILED'
  | 'ERR_STRESS_PROXY'
  | 'ERR_STRESS_METRICS'
  | 'ERR_STRESS_INVALID_REPORT'
  | 'ERR_STRESS_MERGE'
  | 'ERR_STRESS_MISSING_PEER'
  | 'ERR_STRESS_PROMETHEUS_START'
  | 'ERR_STRESS_BASELINE_FILE'
  | 'ERR_STRESS_LEDGER_INCOMPLETE'
  | 'ERR_STRESS_FEEDER_SOURCE'
  | 'ERR_STRESS_FEEDER_EXHAUSTED'
  | 'ERR_STRESS_AUDIT_SOURCE'
  | PrometheusQueryErrorCode;

/** Base class: `err.code` says what went wrong, `err.message` says it to a person. */
export class StressError extends Error {
  readonly code: StressErrorCode;
  constructor(code: StressErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StressError';
    this.code = code;
  }
}

/** An option has a value outside what is allowed. Names the field, the value and the rule. */
export class InvalidOptionError extends StressError {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
  constructor(field: string, value: unknown, allowed: string) {
    super(
      'ERR_STRESS_INVALID_OPTION',
      `invalid option "${field}": got ${describeValue(value)}, expected ${allowed}`,
    );
    this.name = 'InvalidOptionError';
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

/** An option key that no option has. Suggests the closest valid name. */
export class UnknownOptionError extends StressError {
  readonly field: string;
  readonly suggestion: string | undefined;
  constructor(field: string, suggestion: string | undefined, where = 'options') {
    const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
    super('ERR_STRESS_UNKNOWN_OPTION', `unknown option "${field}" in ${where}${hint}`);
    this.name = 'UnknownOptionError';
    this.field = field;
    this.suggestion = suggestion;
  }
}

/** The target is not a loopback address and remote load was not allowed explicitly. */
export class RemoteTargetError extends StressError {
  readonly target: string;
  constructor(target: string) {
    super(
      'ERR_STRESS_REMOTE_TARGET',
      `refusing to load non-loopback target ${target}: pass allowRemote: true or set ` +
        'VITEST_STRESS_ALLOW_REMOTE=1 if you own it',
    );
    this.name = 'RemoteTargetError';
    this.target = target;
  }
}

/** A file could not be written whole; nothing partial was left behind. */
export class WriteFailedError extends StressError {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(
      'ERR_STRESS_WRITE_FAILED',
      `could not write ${path}: ${(cause as Error)?.message ?? cause}`,
      { cause },
    );
    this.name = 'WriteFailedError';
    this.path = path;
  }
}

/** A file given as a perf-results.json report is not one (unreadable, not JSON, or another schema). */
export class InvalidReportError extends StressError {
  readonly path: string;
  constructor(path: string, problem: string, cause?: unknown) {
    super(
      'ERR_STRESS_INVALID_REPORT',
      `${path} is not a vitest-stress perf-results.json report: ${problem}`,
      { cause },
    );
    this.name = 'InvalidReportError';
    this.path = path;
  }
}

/**
 * Split results could not be merged: a split is missing, ran twice, failed, or its file is not a
 * split's perf-results.json. `splits` names the splits concerned (1-based), when known.
 */
export class MergeError extends StressError {
  readonly splits: number[];
  constructor(message: string, splits: number[] = []) {
    super('ERR_STRESS_MERGE', message);
    this.name = 'MergeError';
    this.splits = splits;
  }
}

/** An optional peer dependency a feature needs is not installed (e.g. `mongodb` for the MongoDB audit source). */
export class MissingPeerError extends StressError {
  readonly packageName: string;
  readonly feature: string;
  constructor(packageName: string, feature: string, cause?: unknown) {
    super(
      'ERR_STRESS_MISSING_PEER',
      `${feature} needs the optional peer dependency "${packageName}": install it with npm install ${packageName}`,
      { cause },
    );
    this.name = 'MissingPeerError';
    this.packageName = packageName;
    this.feature = feature;
  }
}

/** A baseline file that is not valid JSON of the expected shape. */
export class BaselineFileError extends StressError {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(
      'ERR_STRESS_BASELINE_FILE',
      `baseline file ${path} ${problem}; fix it or delete it and rerun with vitest -u`,
    );
    this.name = 'BaselineFileError';
    this.path = path;
  }
}

/**
 * An audit source failed while the trail was read (an export page, a MongoDB cursor batch):
 * the trail is not judged on the pages read before. `page` is the 1-based page or batch that
 * failed; `recordsRead` counts this run's ids read before it.
 */
export class AuditSourceError extends StressError {
  readonly source: 'export' | 'mongodb';
  readonly page: number;
  readonly recordsRead: number;
  constructor(
    source: 'export' | 'mongodb',
    message: string,
    at: { page: number; recordsRead: number },
    cause?: unknown,
  ) {
    super('ERR_STRESS_AUDIT_SOURCE', message, { cause });
    this.name = 'AuditSourceError';
    this.source = source;
    this.page = at.page;
    this.recordsRead = at.recordsRead;
  }
}

/** Why a Prometheus HTTP API query failed. */
export type PrometheusQueryErrorCode =
  | 'ERR_STRESS_PROMETHEUS_BAD_QUERY'
  | 'ERR_STRESS_PROMETHEUS_SERVER'
  | 'ERR_STRESS_PROMETHEUS_TIMEOUT'
  | 'ERR_STRESS_PROMETHEUS_UNREACHABLE'
  | 'ERR_STRESS_PROMETHEUS_MALFORMED';

/** A query to Prometheus' HTTP API failed; names the query (by name and PromQL) and the server. */
export class PrometheusQueryError extends StressError {
  declare readonly code: PrometheusQueryErrorCode;
  /** The query's name (`requestRate`, or the user's). */
  readonly query: string;
  readonly expr: string;
  readonly prometheusUrl: string;
  constructor(
    code: PrometheusQueryErrorCode,
    query: { name: string; expr: string },
    prometheusUrl: string,
    detail: string,
    cause?: unknown,
  ) {
    super(
      code,
      `Prometheus query "${query.name}" (${query.expr}) at ${prometheusUrl} failed: ${detail}`,
      { cause },
    );
    this.name = 'PrometheusQueryError';
    this.query = query.name;
    this.expr = query.expr;
    this.prometheusUrl = prometheusUrl;
  }
}

/** A Prometheus server could not be started (no binary, exited, not ready in time). */
export class PrometheusStartError extends StressError {
  constructor(message: string, cause?: unknown) {
    super('ERR_STRESS_PROMETHEUS_START', message, { cause });
    this.name = 'PrometheusStartError';
  }
}

/** Short, safe rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}
