import type { RequestOutcome } from './request-outcome.js';

/** Client-side outcomes counted per injected fault; only outcomes that occurred are present. */
export type OutcomeCounts = Partial<Record<RequestOutcome, number>>;

/** The seed's "Failure Breakdown", as the client observed it. */
export interface FailureSummary {
  /** Requests the client gave up on (its timeout fired). */
  timeouts: number;
  /** Network errors: reset, refused, closed before the answer. */
  networkErrors: number;
  /** Answered 2xx/3xx, but slowed on purpose (a latency or slowBody fault). */
  slowResponses: number;
  /** Answered 5xx. */
  serverErrors: number;
  /** Answered 4xx. */
  clientErrors: number;
}

/** Failures the proxy did not cause: the request was forwarded untouched, or never reached the proxy. */
export interface UnexplainedFailures {
  total: number;
  timeouts: number;
  /** Network errors. */
  errors: number;
  /** HTTP error answers by status, e.g. { "500": 3 }. */
  statusCodes: Record<string, number>;
  /** 503 answers that carried a Retry-After header (a graceful refusal). */
  retryAfter503: number;
  /** 429 answers (a graceful refusal). */
  tooMany429: number;
  /** 5xx answers other than a 503 with Retry-After. */
  unexpected5xx: number;
  /** Up to five of them other than the graceful 429s and 503s with Retry-After, for messages. */
  examples: Array<{ id: string; outcome: RequestOutcome; status?: number; error?: string }>;
}

/** How well the ledger (client side) and the fault log (proxy side) line up. */
export interface JoinStats {
  /** Every ledger entry with an HTTP answer was logged, and every logged request of this run is in the ledger. */
  exact: boolean;
  /** Ledger entries matched with a log entry. */
  matched: number;
  /** Ledger entries the proxy never logged, by outcome (e.g. cancelled before they reached it). */
  ledgerOnly: OutcomeCounts;
  /** Of those, entries with an HTTP answer: each breaks exactness. */
  answeredNotLogged: number;
  /** Logged requests of this run (id with the run's prefix) missing from the ledger. */
  logOnly: number;
  /** Logged requests without a request id header. */
  unidentified: number;
  /** Logged requests whose id belongs to another run (another prefix): left out. */
  otherTraffic: number;
  /** Request ids logged more than once (the last entry counts). */
  duplicates: number;
}

/** A down() .. up() window mapped onto the run. */
export interface OutageSpan {
  /** ISO times of down() and up(); upAt is null when the proxy was still down. */
  downAt: string;
  upAt: string | null;
  /** Seconds since the run started (fractional); toS null while still down. */
  fromS: number;
  toS: number | null;
  /** The `t` of every timeline second the window overlaps. */
  seconds: number[];
  /** Requests reset during the window (all traffic through the proxy). */
  requests: number;
}

/** One timeline second seen from the proxy: aligned with result.timeline by `t`. */
export interface FaultTimelineEntry {
  t: number;
  /** True when an outage window overlaps this second. */
  down: boolean;
  /** Requests of this run the proxy received in this second, per applied fault (none omitted). */
  injected: Record<string, number>;
}

/** The `faults` section of a run result: what was injected and what the client saw. */
export interface FaultBreakdown {
  /** The proxy's seed and fault list, when known. */
  seed?: number;
  configured?: Array<{ name: string; type: string; rate: number; description: string }>;
  /** Requests of this run received by the proxy, per applied fault ('none' and 'down' included). */
  injected: Record<string, number>;
  /** The type of each applied fault name ('down' for outages). */
  types: Record<string, string>;
  /** For each applied fault ('none' included), how the client saw those requests end. */
  outcomes: Record<string, OutcomeCounts>;
  summary: FailureSummary;
  unexplained: UnexplainedFailures;
  join: JoinStats;
  outages: OutageSpan[];
  timeline: FaultTimelineEntry[];
}
