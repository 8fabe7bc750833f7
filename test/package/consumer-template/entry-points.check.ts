// Every entry point's types resolve from the packed package (skipLibCheck is off: the .d.ts
// files must not need mongodb's or prom-client's types).
import {
  load,
  MissingPeerError,
  type GracefulOptions,
  type ResilienceOptions,
  type ResultEngine,
  type RunResult,
} from 'vitest-stress';
import {
  chaosProxy,
  withFaults,
  type ChaosFaultInfo,
  type ChaosProxyStats,
} from 'vitest-stress/chaos';
import { sampleMetrics, type MetricsSeries } from 'vitest-stress/metrics';
import { generateCreditRecords, type CreditRecord } from 'vitest-stress/data';
import { wilsonInterval, type ProportionInterval } from 'vitest-stress/stats';
import { resolveSplit, type SplitSpec } from 'vitest-stress/split';

declare const run: RunResult;
const engine: ResultEngine = run.engine;
const lateSends: number | undefined = run.schedule?.lateSends;
const series: MetricsSeries | undefined = run.metrics;
const unexplained: number | undefined = run.faults?.unexplained.total;
// @ts-expect-error RunResult has no catch-all index signature: a misspelt section is a type error
void run.fault;
const graceful: GracefulOptions = { graceMs: 200 };
const resilient: ResilienceOptions = { minSuccessRate: 0.9 };
declare const stats: ChaosProxyStats;
declare const fault: ChaosFaultInfo;
const records: CreditRecord[] = generateCreditRecords(1, { seed: 1 });
const errorRate: ProportionInterval = wilsonInterval(1, 10, 0.95);
const split: SplitSpec | undefined = resolveSplit(undefined, {});
export const used = [
  load,
  MissingPeerError,
  chaosProxy,
  withFaults,
  sampleMetrics,
  engine,
  lateSends,
  series,
  unexplained,
  graceful,
  resilient,
  stats,
  fault,
  records,
  errorRate,
  split,
];
