import type { RunMeta, SlaVerdict } from '../contracts/meta.js';
import { finalAttempts, hadSeveralTries, isFinalAttempt } from './attempts.js';
import type { TestRecord } from '../contracts/perf-results.js';
import { journeyProperties } from './junit-journeys.js';

/** The perf figures of one run as name/value pairs; several runs in one test get a prefix. */
export function runProperties(run: RunMeta, prefix: string): Array<[string, string]> {
  const l = run.latency;
  const props: Array<[string, string | number | null]> = [
    [`${prefix}profile`, run.profile],
    [`${prefix}model`, run.model],
    [`${prefix}measured`, run.measured],
    [`${prefix}target`, run.target],
    [`${prefix}users`, run.users],
    [`${prefix}durationMs`, run.durationMs],
    [`${prefix}requests`, run.requests.total],
    [`${prefix}p50Ms`, l.p50],
    [`${prefix}p95Ms`, l.p95],
    [`${prefix}p99Ms`, l.p99],
    [`${prefix}rps`, run.throughput],
    [`${prefix}errorRate`, run.errorRate],
  ];
  return props.map(([k, v]) => [k, v === null ? 'n/a' : String(v)]);
}

/**
 * One SLA verdict as a property: name sla.<matcher>[.not][.<subject>], value
 * '[provisional ]pass|fail|inconclusive: message' (testProperties numbers repeats).
 */
export function verdictProperty(verdict: SlaVerdict): [string, string] {
  const subject = verdict.subject ? `.${verdict.subject}` : '';
  const provisional = verdict.provisional ? 'provisional ' : '';
  return [
    `sla.${verdict.matcher}${verdict.negated ? '.not' : ''}${subject}`,
    `${provisional}${verdict.state ?? (verdict.pass ? 'pass' : 'fail')}: ${verdict.message}`,
  ];
}

/**
 * Every property of one test, in the rich flavor's names: run figures, SLA verdicts, `flaky`,
 * annotations. When the test ran several times (retry, repeats), runs carry their attempt and
 * repetition; verdicts of a retried attempt are prefixed `repetition<r>.attempt<a>.`, and
 * with repeats every verdict is prefixed `repetition<r>.`.
 */
export function testProperties(test: TestRecord): Array<[string, string]> {
  const props: Array<[string, string]> = [];
  const several = hadSeveralTries(test);
  const finals = finalAttempts(test);
  const repeated = [...finals.keys()].some((r) => r > 0);
  test.runs.forEach((run, i) => {
    const prefix = test.runs.length > 1 ? `run${i + 1}.` : '';
    props.push(...runProperties(run, prefix), ...journeyProperties(run, prefix));
    if (several)
      props.push(
        [`${prefix}repetition`, String(run.repetition ?? 0)],
        [`${prefix}attempt`, String(run.attempt ?? 0)],
      );
  });
  for (const verdict of test.verdicts) {
    const [name, value] = verdictProperty(verdict);
    const retried = !isFinalAttempt(verdict, finals);
    const prefix =
      `${repeated || retried ? `repetition${verdict.repetition ?? 0}.` : ''}` +
      `${retried ? `attempt${verdict.attempt ?? 0}.` : ''}`;
    props.push([`${prefix}${name}`, value]);
  }
  if (test.flaky) props.push(['flaky', 'true']);
  for (const note of test.annotations) props.push([note.type, note.message]);
  return numberRepeats(props);
}

/** A name seen before in the same test gets `.2`, `.3`, ...: every property name is unique. */
function numberRepeats(props: Array<[string, string]>): Array<[string, string]> {
  const seen = new Map<string, number>();
  return props.map(([name, value]) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return [n === 1 ? name : `${name}.${n}`, value];
  });
}
