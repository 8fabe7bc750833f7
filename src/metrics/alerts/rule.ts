/** How the evaluator reads a rule's quantity from a run (the PromQL reads it from Prometheus). */
export type RunSignal =
  /** failed / finished requests over the trailing `windowS` seconds of the run's timeline. */
  | { kind: 'errorRate'; windowS: number }
  /** The per-second p95 of successful responses in the timeline, in seconds. */
  | { kind: 'p95Seconds' }
  /** The latest sampled value of a server metric (summed over its series). */
  | { kind: 'gauge'; metric: string }
  /** The per-second increase of a sampled counter over the trailing `windowS` seconds. */
  | { kind: 'rate'; metric: string; windowS: number };

/** One alert rule: the same definition feeds the evaluator, the Prometheus rule file and the docs. */
export interface AlertRule {
  /** Prometheus alert name, e.g. 'EthixErrorRateCritical'. */
  name: string;
  severity: 'critical' | 'warning';
  /** One line for people: what fired. */
  summary: string;
  /** PromQL of the measured quantity, without the comparison. */
  expr: string;
  /** The rule fires while the quantity is above this (in `unit`). */
  threshold: number;
  /** How long the quantity must stay above the threshold before the alert fires, ms (as written, full length). */
  forMs: number;
  /** Unit of quantity and threshold, for messages: 'fraction', 's', 'bytes', 'cores', 'connections'. */
  unit: AlertUnit;
  /** How the evaluator reads the same quantity from a run. */
  signal: RunSignal;
}

export type AlertUnit = 'fraction' | 's' | 'bytes' | 'cores' | 'connections';

/** A value in a rule's unit, for people: 23.1%, 10.2 s, 512.0 MB, 0.95 cores, 91 connections. */
export function formatAlertValue(value: number, unit: AlertUnit): string {
  switch (unit) {
    case 'fraction':
      return `${(value * 100).toFixed(1)}%`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'bytes':
      return `${(value / 1_000_000).toFixed(1)} MB`;
    case 'cores':
      return `${(value * 100).toFixed(0)}% CPU`;
    case 'connections':
      return `${Math.round(value)} connections`;
  }
}

/** A Prometheus duration for ms: '5m', '30s', '1500ms', '0s'. */
export function promDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${Math.round(ms)}ms`;
}
