import type { RunMeta } from '../contracts/meta.js';

// A journey run's journeys and steps as JUnit properties. Names are the user's strings: they
// are read with Object.entries and only become parts of property names, encoded so that a dot
// or a space in a name cannot be mistaken for the separator; no object is keyed by them.

/**
 * A journey or step name as one segment of a property name: letters, digits, '_' and '-' as they
 * are, every other character percent-encoded as UTF-8 ('.' → '%2E', ' ' → '%20'), so
 * 'journey.<segment>.<figure>' always splits back at its dots ('%' itself is '%25'). An empty
 * name becomes '(empty)'.
 */
export function propertySegment(name: string): string {
  if (name === '') return '(empty)';
  let out = '';
  for (const char of name) {
    if (/^[A-Za-z0-9_-]$/.test(char)) out += char;
    else
      out += [...new TextEncoder().encode(char)]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
  }
  return out;
}

const text = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : 'n/a';

/**
 * `journey.<name>.started|completed|failed|cancelled|notStarted|dropped|p50Ms|p95Ms|p99Ms`,
 * `journey.<name>.failedAt.<step>` and `journey.<name>.skipped.<step>`; then
 * `step.<name>.sent|ok|failed|cancelled|skipped|errorRate|p50Ms|p95Ms|p99Ms`. [] for a run
 * without journeys. `prefix` is the run's (`run2.` when a test has several runs).
 */
export function journeyProperties(
  run: Pick<RunMeta, 'journeys' | 'steps'>,
  prefix = '',
): Array<[string, string]> {
  const props: Array<[string, string]> = [];
  for (const [name, j] of Object.entries(run.journeys ?? {})) {
    const at = `${prefix}journey.${propertySegment(name)}.`;
    props.push(
      [`${at}started`, text(j.started)],
      [`${at}completed`, text(j.completed)],
      [`${at}failed`, text(j.failed)],
      [`${at}cancelled`, text(j.cancelled)],
      [`${at}notStarted`, text(j.notStarted)],
      [`${at}dropped`, text(j.dropped)],
      [`${at}p50Ms`, text(j.latency?.p50)],
      [`${at}p95Ms`, text(j.latency?.p95)],
      [`${at}p99Ms`, text(j.latency?.p99)],
    );
    for (const [step, n] of Object.entries(j.failedAt ?? {}))
      props.push([`${at}failedAt.${propertySegment(step)}`, text(n)]);
    for (const [step, n] of Object.entries(j.skippedSteps ?? {}))
      props.push([`${at}skipped.${propertySegment(step)}`, text(n)]);
  }
  for (const [name, s] of Object.entries(run.steps ?? {})) {
    const at = `${prefix}step.${propertySegment(name)}.`;
    props.push(
      [`${at}sent`, text(s.requests?.total)],
      [`${at}ok`, text(s.requests?.ok)],
      [`${at}failed`, text(s.requests?.failed)],
      [`${at}cancelled`, text(s.requests?.cancelled)],
      [`${at}skipped`, text(s.skipped)],
      [`${at}errorRate`, text(s.errorRate)],
      [`${at}p50Ms`, text(s.latency?.p50)],
      [`${at}p95Ms`, text(s.latency?.p95)],
      [`${at}p99Ms`, text(s.latency?.p99)],
    );
  }
  return props;
}
