import type { RunMeta, SlaVerdict } from '../src/vitest/meta.js';
import type { TestRecord } from './collect.js';
import type { RunInfo } from './run-info.js';
import { escapeXml, openTag } from './xml.js';

/** Seconds with millisecond precision, as JUnit readers expect. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

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

/** One SLA verdict as a property: name sla.<matcher>[.<n>], value 'pass|fail|inconclusive: message'. */
export function verdictProperty(verdict: SlaVerdict): [string, string] {
  const subject = verdict.subject ? `.${verdict.subject}` : '';
  return [`sla.${verdict.matcher}${verdict.negated ? '.not' : ''}${subject}`, `${verdict.state ?? (verdict.pass ? 'pass' : 'fail')}: ${verdict.message}`];
}

function testcaseXml(test: TestRecord): string {
  const lines: string[] = [];
  lines.push(`    ${openTag('testcase', { classname: test.file, name: test.fullName, time: seconds(test.durationMs), file: test.file })}`);
  const props: Array<[string, string]> = [];
  test.runs.forEach((run, i) => props.push(...runProperties(run, test.runs.length > 1 ? `run${i + 1}.` : '')));
  for (const verdict of test.verdicts) props.push(verdictProperty(verdict));
  for (const note of test.annotations) props.push([note.type, note.message]);
  if (props.length > 0) {
    lines.push('      <properties>');
    for (const [name, value] of props) lines.push(`        ${openTag('property', { name, value }, true)}`);
    lines.push('      </properties>');
  }
  if (test.state === 'failed') {
    const failedSla = test.verdicts.filter((v) => !v.pass).map((v) => v.message);
    const message = failedSla[0] ?? test.errors[0] ?? 'test failed';
    const body = [...test.errors, ...failedSla.filter((m) => !test.errors.some((e) => e.includes(m)))].join('\n');
    lines.push(`      ${openTag('failure', { message, type: failedSla.length ? 'SLABreach' : 'AssertionError' })}${escapeXml(body)}</failure>`);
  } else if (test.state === 'skipped' || test.state === 'pending') {
    lines.push('      <skipped/>');
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

/** junit.xml: one <testsuite> per file, one <testcase> per test, perf figures and SLAs as properties. */
export function buildJunitReport(tests: TestRecord[], run: RunInfo, name = 'vitest-stress'): string {
  const byFile = new Map<string, TestRecord[]>();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const count = (list: TestRecord[], ...states: string[]) => list.filter((t) => states.includes(t.state)).length;
  const total = (list: TestRecord[]) => list.reduce((s, t) => s + t.durationMs, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8" ?>'];
  out.push(openTag('testsuites', { name, tests: tests.length, failures: count(tests, 'failed'), errors: 0, skipped: count(tests, 'skipped', 'pending'), time: seconds(total(tests)) }));
  for (const [file, list] of byFile) {
    out.push(`  ${openTag('testsuite', {
      name: file, timestamp: run.date, hostname: run.hostname, tests: list.length,
      failures: count(list, 'failed'), errors: 0, skipped: count(list, 'skipped', 'pending'), time: seconds(total(list)),
    })}`);
    for (const t of list) out.push(testcaseXml(t));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
