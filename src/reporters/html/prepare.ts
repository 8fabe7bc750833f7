import type { FaultBreakdown } from '../../contracts/fault-breakdown.js';
import { isMetricsSeries } from '../../metrics/series.js';
import type { RunMeta, SlaVerdict } from '../../contracts/meta.js';
import type { TestRecord } from '../../contracts/perf-results.js';
import type { PerfResultsFile } from '../../contracts/perf-results.js';
import { outageBands, phaseBands, recoveryBands } from './bands.js';
import type { CapacityMeta } from '../../contracts/capacity.js';
import { capacityCharts } from './capacity-charts.js';
import { hasPoints, type ChartSpec } from './chart-spec.js';
import { faultChart } from './fault-chart.js';
import { latencyChart, throughputChart, usersChart, type RunFrame } from './load-charts.js';
import { serverCharts } from './server-charts.js';
import { MAX_POINTS, thinTimeline } from './thin.js';

/** A verdict's state: its own `state` when it has one (pass | fail | inconclusive), else from `pass`. */
export type VerdictState = 'pass' | 'fail' | 'inconclusive';

/** A test's state in the index: failed when the test or an SLA failed, inconclusive when an SLA could not decide. */
export type TestState = 'failed' | 'inconclusive' | 'passed' | 'skipped';

/** One run of a test and the ids of its charts. */
export interface RunView {
  id: string;
  run: RunMeta;
  charts: ChartSpec[];
}

/** One capacity search of a test (findCapacity(), `tests[].capacity`) and its charts. */
export interface CapacityView {
  /** Anchor id, `test-<n>-capacity-<m>`. */
  id: string;
  result: CapacityMeta;
  charts: ChartSpec[];
}

/** One test as the page shows it. */
export interface TestView {
  /** Anchor id, `test-<n>`: user strings never become ids. */
  id: string;
  record: TestRecord;
  state: TestState;
  verdicts: Array<{ verdict: SlaVerdict; state: VerdictState }>;
  runs: RunView[];
  capacity: CapacityView[];
}

/** The state of a verdict written by any version of the matchers. */
export function verdictState(verdict: SlaVerdict): VerdictState {
  const state = (verdict as { state?: unknown }).state;
  if (state === 'pass' || state === 'fail' || state === 'inconclusive') return state;
  return verdict.pass ? 'pass' : 'fail';
}

/** Build the page's view of every test from the JSON report; `maxPoints` bounds each chart series. */
export function prepareTests(report: PerfResultsFile, maxPoints = MAX_POINTS): TestView[] {
  return report.tests.map((record, i) => {
    const verdicts = (record.verdicts ?? []).map((verdict) => ({
      verdict,
      state: verdictState(verdict),
    }));
    const id = `test-${i + 1}`;
    const runs = (record.runs ?? []).map((run, j) => ({
      id: `${id}-run-${j + 1}`,
      run,
      charts: runCharts(`${id}-run-${j + 1}`, run, record.verdicts ?? [], maxPoints),
    }));
    const capacity = (Array.isArray(record.capacity) ? record.capacity : []).map((result, j) => {
      const capacityId = `${id}-capacity-${j + 1}`;
      return {
        id: capacityId,
        result,
        charts: capacityCharts(capacityId, result).filter(hasPoints),
      };
    });
    return {
      id,
      record,
      state: testState(
        record,
        verdicts.map((v) => v.state),
      ),
      verdicts,
      runs,
      capacity,
    };
  });
}

function testState(record: TestRecord, states: VerdictState[]): TestState {
  if (record.state === 'failed' || states.includes('fail')) return 'failed';
  if (states.includes('inconclusive')) return 'inconclusive';
  return record.state === 'passed' ? 'passed' : 'skipped';
}

function runCharts(
  id: string,
  run: RunMeta,
  verdicts: readonly SlaVerdict[],
  maxPoints: number,
): ChartSpec[] {
  const timeline = Array.isArray(run.timeline) ? run.timeline : [];
  const { bucketS, rows } = thinTimeline(timeline, maxPoints);
  const runEndS =
    timeline.length > 0 ? timeline[timeline.length - 1].t + 1 : (run.durationMs ?? 0) / 1000;
  const phases = phaseBands(timeline);
  const faults = faultsOf(run);
  const bands = [
    ...phases,
    ...recoveryBands(verdicts, phases, runEndS),
    ...outageBands(faults?.outages ?? [], runEndS),
  ];
  // Each point sits at the middle of the seconds it covers, so it lines up with server samples and bands.
  const frame: RunFrame = {
    id,
    rows,
    x: rows.map((r) => r.t + r.widthS / 2),
    startMs: Date.parse(run.startedAt) || 0,
    bucketS,
    xRange: [Math.min(0, timeline[0]?.t ?? 0), runEndS],
    bands,
  };
  const charts: Array<ChartSpec | undefined> =
    rows.length === 0
      ? []
      : [latencyChart(frame, run, verdicts), throughputChart(frame), usersChart(frame, run)];
  if (faults && rows.length > 0) charts.push(faultChart(frame, faults));
  const metrics = run.metrics;
  if (isMetricsSeries(metrics)) charts.push(...serverCharts(frame, metrics, verdicts));
  return charts.filter(
    (c): c is ChartSpec =>
      c !== undefined && c.x.length > 0 && (hasPoints(c) || c.id.endsWith('-faults')),
  );
}

function faultsOf(run: RunMeta): FaultBreakdown | undefined {
  const faults = run.faults as Partial<FaultBreakdown> | undefined;
  return typeof faults === 'object' && faults !== null && Array.isArray(faults.timeline)
    ? (faults as FaultBreakdown)
    : undefined;
}
