import { finalAttempts, isFinalAttempt } from './attempts.js';
import type { TestRecord } from '../contracts/perf-results.js';
import { testProperties } from './junit-properties.js';
import { capacityCases, type CapacityCase } from './junit-capacity.js';
import type { RunInfo } from '../contracts/perf-results.js';
import { testBlock } from './summary-text.js';
import { escapeXml, openTag } from './xml.js';

export { runProperties, verdictProperty, testProperties } from './junit-properties.js';

/**
 * JUnit flavors. `rich` (default): perf figures and SLA verdicts as `<properties>` of each
 * `<testcase>` (GitLab, GitHub Actions reporters, Jenkins' JUnit plugin read or ignore them).
 * `strict`: only what Jenkins xUnit's junit-10.xsd allows — the same properties on the
 * enclosing `<testsuite>`, named `<test full name> :: <name>`, and a readable block in the
 * testcase's `<system-out>`.
 */
export type JunitFlavor = 'rich' | 'strict';

export interface JunitOptions {
  /** Report name on `<testsuites>` (default 'vitest-stress'). */
  name?: string;
  flavor?: JunitFlavor;
}

/** The separator between a test's full name and a property name in the strict flavor. */
export const STRICT_PROPERTY_SEPARATOR = ' :: ';

/** Seconds with millisecond precision, as JUnit readers expect. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function propertiesXml(props: Array<[string, string]>, indent: string): string[] {
  if (props.length === 0) return [];
  const lines = [`${indent}<properties>`];
  for (const [name, value] of props)
    lines.push(`${indent}  ${openTag('property', { name, value }, true)}`);
  lines.push(`${indent}</properties>`);
  return lines;
}

/** The `<failure>` of a failed test: SLA breaches of the final attempts first, then other errors. */
function failureXml(test: TestRecord): string {
  const finals = finalAttempts(test);
  const failedSla = test.verdicts
    .filter((v) => !v.pass && !v.provisional && isFinalAttempt(v, finals))
    .map((v) => v.message);
  const message = failedSla[0] ?? test.errors[0] ?? 'test failed';
  const body = [
    ...test.errors,
    ...failedSla.filter((m) => !test.errors.some((e) => e.includes(m))),
  ].join('\n');
  return (
    '      ' +
    `${openTag('failure', { message, type: failedSla.length ? 'SLABreach' : 'AssertionError' })}` +
    `${escapeXml(body)}</failure>`
  );
}

function testcaseXml(test: TestRecord, flavor: JunitFlavor): string {
  const strict = flavor === 'strict';
  const attributes = {
    classname: test.file,
    name: test.fullName,
    time: seconds(test.durationMs),
    file: strict ? undefined : test.file,
  };
  const lines = [`    ${openTag('testcase', attributes)}`];
  if (!strict) lines.push(...propertiesXml(testProperties(test), '      '));
  if (test.state === 'failed') lines.push(failureXml(test));
  else if (test.state === 'skipped' || test.state === 'pending') lines.push('      <skipped/>');
  const block = strict ? testBlock(test) : [];
  if (block.length > 0) lines.push(`      <system-out>${escapeXml(block.join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

/** A capacity search's testcase: properties (rich), a CapacityNotMet failure, its block (strict). */
function capacityCaseXml(test: TestRecord, c: CapacityCase, flavor: JunitFlavor): string {
  const strict = flavor === 'strict';
  const attributes = { classname: test.file, name: c.name, time: seconds(c.durationMs) };
  const lines = [
    `    ${openTag('testcase', { ...attributes, file: strict ? undefined : test.file })}`,
  ];
  if (!strict) lines.push(...propertiesXml(c.properties, '      '));
  if (c.failure) {
    const failure = openTag('failure', { message: c.failure.message, type: 'CapacityNotMet' });
    lines.push(`      ${failure}${escapeXml(c.failure.body)}</failure>`);
  }
  if (strict) lines.push(`      <system-out>${escapeXml(c.block.join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

/** The strict flavor's suite properties: every test's rich properties, named `<full name> :: <name>`. */
export function strictSuiteProperties(tests: TestRecord[]): Array<[string, string]> {
  const named = (owner: string, props: Array<[string, string]>) =>
    props.map(([name, value]): [string, string] => [
      `${owner}${STRICT_PROPERTY_SEPARATOR}${name}`,
      value,
    ]);
  return tests.flatMap((t) => [
    ...named(t.fullName, testProperties(t)),
    ...capacityCases(t).flatMap((c) => named(c.name, c.properties)),
  ]);
}

/**
 * junit.xml: one `<testsuite>` per file, one `<testcase>` per test; perf figures and SLAs as
 * properties (see JunitFlavor). `name` may be given as a string (older callers) or in `options`.
 */
export function buildJunitReport(
  tests: TestRecord[],
  run: RunInfo,
  name = 'vitest-stress',
  options: JunitOptions = {},
): string {
  const flavor = options.flavor ?? 'rich';
  const reportName = options.name ?? name;
  const byFile = new Map<string, TestRecord[]>();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const count = (list: TestRecord[], ...states: string[]) =>
    list.filter((t) => states.includes(t.state)).length;
  // A capacity search is a testcase of its own (see capacityCases), counted with the tests.
  const cases = (list: TestRecord[]) => list.flatMap(capacityCases);
  const testsIn = (list: TestRecord[]) => list.length + cases(list).length;
  const failuresIn = (list: TestRecord[]) =>
    count(list, 'failed') + cases(list).filter((c) => c.failure).length;
  const total = (list: TestRecord[]) => list.reduce((s, t) => s + t.durationMs, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8" ?>'];
  const skippedAll = flavor === 'strict' ? undefined : count(tests, 'skipped', 'pending');
  out.push(
    openTag('testsuites', {
      name: reportName,
      tests: testsIn(tests),
      failures: failuresIn(tests),
      errors: 0,
      skipped: skippedAll,
      time: seconds(total(tests)),
    }),
  );
  for (const [file, list] of byFile) {
    out.push(
      `  ${openTag('testsuite', {
        name: file,
        timestamp: run.date,
        hostname: run.hostname,
        tests: testsIn(list),
        failures: failuresIn(list),
        errors: 0,
        skipped: count(list, 'skipped', 'pending'),
        time: seconds(total(list)),
      })}`,
    );
    if (flavor === 'strict') out.push(...propertiesXml(strictSuiteProperties(list), '    '));
    for (const t of list) {
      out.push(testcaseXml(t, flavor));
      for (const c of capacityCases(t)) out.push(capacityCaseXml(t, c, flavor));
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
