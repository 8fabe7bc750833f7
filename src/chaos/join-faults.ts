import type { LedgerEntry, RunResult } from '../contracts/run-result.js';
import type { RequestOutcome } from '../contracts/request-outcome.js';
import type { FaultLogEntry, OutageWindow } from './fault-log.js';
import type {
  FailureSummary,
  FaultBreakdown,
  JoinStats,
  OutcomeCounts,
  UnexplainedFailures,
} from '../contracts/fault-breakdown.js';
import { faultTimeline, outageSpans } from './outage-timeline.js';
import { assertWholeLedger } from '../ledger-store/partial-ledger.js';

const SLOW_TYPES = new Set(['latency', 'slowBody']);
const MAX_EXAMPLES = 5;

/** The name under which client-side chaos timeouts appear in `injected`. */
export const CLIENT_TIMEOUT_FAULT = 'client-timeout';

/**
 * Join a run's ledger (what the client saw, by request id) with a proxy's fault log (what was
 * injected). Only log entries whose id starts with the run's request id prefix count, so one
 * proxy can serve several runs. Pure: the result is not changed. Throws
 * ERR_STRESS_LEDGER_INCOMPLETE (LedgerIncompleteError) for a partial ledger file.
 */
export function joinFaults(
  result: RunResult,
  log: readonly FaultLogEntry[],
  windows: readonly OutageWindow[] = [],
): FaultBreakdown {
  // A ledger file that lost rows would show injected faults as unmatched: refuse it instead.
  assertWholeLedger(result);
  const prefix =
    typeof result.options?.requestIdPrefix === 'string'
      ? result.options.requestIdPrefix
      : undefined;
  const join = emptyJoin();
  const { byId, ours } = indexLog(log, prefix, join);
  const { injected, types } = injectedFaults(byId);
  const judged = judgeLedger(result.ledger ?? [], byId, injected, join);
  join.exact = join.answeredNotLogged === 0 && join.logOnly === 0 && join.unidentified === 0;
  const runStartMs = Date.parse(result.startedAt);
  const outages = outageSpans(windows, runStartMs, result.timeline ?? []);
  return {
    injected,
    types,
    ...judged,
    join,
    outages,
    timeline: faultTimeline(ours, outages, runStartMs, result.timeline ?? []),
  };
}

function emptyJoin(): JoinStats {
  return {
    exact: false,
    matched: 0,
    ledgerOnly: {},
    answeredNotLogged: 0,
    logOnly: 0,
    unidentified: 0,
    otherTraffic: 0,
    duplicates: 0,
  };
}

/** The run's log entries by request id (the last of a repeated id) and in order; the rest counted in `join`. */
function indexLog(
  log: readonly FaultLogEntry[],
  prefix: string | undefined,
  join: JoinStats,
): { byId: Map<string, FaultLogEntry>; ours: FaultLogEntry[] } {
  const byId = new Map<string, FaultLogEntry>();
  const ours: FaultLogEntry[] = [];
  for (const entry of log) {
    if (entry.id === undefined) join.unidentified++;
    else if (prefix !== undefined && !entry.id.startsWith(prefix)) join.otherTraffic++;
    else {
      if (byId.has(entry.id)) join.duplicates++;
      byId.set(entry.id, entry);
      ours.push(entry);
    }
  }
  return { byId, ours };
}

/** Requests per injected fault name, and each name's fault type ('none' and 'down' are their own). */
function injectedFaults(byId: ReadonlyMap<string, FaultLogEntry>): {
  injected: Record<string, number>;
  types: Record<string, string>;
} {
  const injected: Record<string, number> = {};
  const types: Record<string, string> = {};
  for (const entry of byId.values()) {
    injected[entry.fault] = (injected[entry.fault] ?? 0) + 1;
    types[entry.fault] ??=
      entry.fault === 'down' || entry.fault === 'none'
        ? entry.fault
        : (entry.faultType ?? entry.fault);
  }
  return { injected, types };
}

/**
 * One pass over the ledger: each request's outcome by the fault it got, the failure summary, the
 * failures no fault explains; client-side chaos timeouts added to `injected`, the match counted in `join`.
 */
function judgeLedger(
  ledger: Iterable<LedgerEntry>,
  byId: ReadonlyMap<string, FaultLogEntry>,
  injected: Record<string, number>,
  join: JoinStats,
): Pick<FaultBreakdown, 'outcomes' | 'summary' | 'unexplained'> {
  const outcomes: Record<string, OutcomeCounts> = {};
  const summary: FailureSummary = {
    timeouts: 0,
    networkErrors: 0,
    slowResponses: 0,
    serverErrors: 0,
    clientErrors: 0,
  };
  const unexplained = emptyUnexplained();
  const seen = new Set<string>();
  for (const request of ledger) {
    const logged = byId.get(request.id);
    seen.add(request.id);
    // Client-side chaos (load's clientTimeout) is injected too, by the client rather than the proxy.
    const clientChaos = request.cause === 'client-timeout-chaos';
    if (clientChaos) injected[CLIENT_TIMEOUT_FAULT] = (injected[CLIENT_TIMEOUT_FAULT] ?? 0) + 1;
    countSummary(summary, request, logged);
    if (logged) {
      join.matched++;
      const counts = (outcomes[logged.fault] ??= {});
      counts[request.outcome] = (counts[request.outcome] ?? 0) + 1;
    } else {
      bump(join.ledgerOnly, request.outcome);
      if (request.status !== undefined) join.answeredNotLogged++;
    }
    if ((!logged || logged.fault === 'none') && !clientChaos && isFailure(request.outcome))
      countUnexplained(unexplained, request, logged);
  }
  for (const id of byId.keys()) if (!seen.has(id)) join.logOnly++;
  return { outcomes, summary, unexplained };
}

function emptyUnexplained(): UnexplainedFailures {
  return {
    total: 0,
    timeouts: 0,
    errors: 0,
    statusCodes: {},
    retryAfter503: 0,
    tooMany429: 0,
    unexpected5xx: 0,
    examples: [],
  };
}

/** The failures of a run without a proxy: nothing was injected, so every failure is unexplained. */
export function unexplainedFailures(ledger: Iterable<LedgerEntry>): UnexplainedFailures {
  const unexplained = emptyUnexplained();
  for (const request of ledger)
    if (isFailure(request.outcome)) countUnexplained(unexplained, request, undefined);
  return unexplained;
}

function isFailure(outcome: RequestOutcome): boolean {
  return outcome === 'http-error' || outcome === 'error' || outcome === 'timeout';
}

function bump(counts: OutcomeCounts, outcome: RequestOutcome): void {
  counts[outcome] = (counts[outcome] ?? 0) + 1;
}

function countSummary(
  summary: FailureSummary,
  request: LedgerEntry,
  logged: FaultLogEntry | undefined,
): void {
  if (request.outcome === 'timeout') summary.timeouts++;
  else if (request.outcome === 'error') summary.networkErrors++;
  else if (
    request.outcome === 'ok' &&
    logged?.faultType !== undefined &&
    SLOW_TYPES.has(logged.faultType)
  )
    summary.slowResponses++;
  else if (request.status !== undefined && request.status >= 500) summary.serverErrors++;
  else if (request.status !== undefined && request.status >= 400) summary.clientErrors++;
}

function countUnexplained(
  unexplained: UnexplainedFailures,
  request: LedgerEntry,
  logged: FaultLogEntry | undefined,
): void {
  unexplained.total++;
  if (request.outcome === 'timeout') unexplained.timeouts++;
  else if (request.outcome === 'error') unexplained.errors++;
  const status = request.status;
  // The proxy's log and the run's ledger both keep the Retry-After the client got.
  const retryAfter = logged?.retryAfter ?? request.retryAfter;
  let graceful = false;
  if (status !== undefined) {
    unexplained.statusCodes[status] = (unexplained.statusCodes[status] ?? 0) + 1;
    if (status === 429) unexplained.tooMany429++;
    else if (status === 503 && retryAfter !== undefined) unexplained.retryAfter503++;
    else if (status >= 500) unexplained.unexpected5xx++;
    graceful = status === 429 || (status === 503 && retryAfter !== undefined);
  }
  if (!graceful && unexplained.examples.length < MAX_EXAMPLES) {
    const { id, outcome, error } = request;
    unexplained.examples.push({
      id,
      outcome,
      ...(status !== undefined ? { status } : {}),
      ...(error !== undefined ? { error } : {}),
    });
  }
}
