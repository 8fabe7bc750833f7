import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { journeyProperties, propertySegment } from '../../src/reporters/junit-journeys.js';
import { buildJunitReport, testProperties } from '../../src/reporters/junit-report.js';
import { JUNIT_10_XSD, xmllint } from '../helpers/xmllint.js';
import { RUN_INFO } from './html/report-fixtures.js';
import { journeyRecord, journeyRun } from '../helpers/journey-run.js';

describe('propertySegment', () => {
  test('keeps letters, digits, _ and -; percent-encodes the rest so a name never adds a dot', () => {
    expect(propertySegment('fetch-report_2')).toBe('fetch-report_2');
    expect(propertySegment('a.b <x>')).toBe('a%2Eb%20%3Cx%3E');
    expect(propertySegment('100%')).toBe('100%25');
    expect(propertySegment('étape')).toBe('%C3%A9tape');
    expect(propertySegment('__proto__')).toBe('__proto__');
    expect(propertySegment('')).toBe('(empty)');
  });
});

describe('journeyProperties', () => {
  test('per journey: counts, failed at and skipped per step, duration percentiles', () => {
    const run = journeyRun();
    const props = new Map(journeyProperties(run));
    expect(props.get('journey.checkout.started')).toBe('300');
    expect(props.get('journey.checkout.completed')).toBe('280');
    expect(props.get('journey.checkout.failed')).toBe('20');
    expect(props.get('journey.checkout.failedAt.pay')).toBe('15');
    expect(props.get('journey.checkout.failedAt.login')).toBe('5');
    expect(props.get('journey.checkout.skipped.receipt')).toBe('20');
    expect(props.get('journey.checkout.p95Ms')).toBe(String(run.journeys!.checkout.latency.p95));
    // A journey named like the prototype is a name, written like any other.
    expect(props.get('journey.__proto__.notStarted')).toBe('2');
  });

  test('per step: sent, ok, failed, cancelled, skipped, error rate, percentiles; names encoded', () => {
    const run = journeyRun();
    const props = new Map(journeyProperties(run, 'run2.'));
    expect(props.get('run2.step.pay.sent')).toBe('295');
    expect(props.get('run2.step.pay.ok')).toBe('280');
    expect(props.get('run2.step.pay.failed')).toBe('15');
    expect(props.get('run2.step.pay.skipped')).toBe('5');
    expect(props.get('run2.step.receipt.skipped')).toBe('20');
    expect(props.get('run2.step.login.p99Ms')).toBe(String(run.steps!.login.latency.p99));
    expect(props.get('run2.step.a%2Eb%20%3Cx%3E.sent')).toBe('20');
    const names = [...props.keys()];
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith('run2.journey.') || n.startsWith('run2.step.'))).toBe(
      true,
    );
  });

  test('nothing for a run without journeys; missing figures are n/a', () => {
    expect(journeyProperties({})).toEqual([]);
    const run = journeyRun();
    run.steps!.receipt.latency = { ...run.steps!.receipt.latency, p95: null };
    expect(new Map(journeyProperties(run)).get('step.receipt.p95Ms')).toBe('n/a');
  });

  test("they are the test's properties, after the run's own", () => {
    const props = testProperties(journeyRecord());
    const names = props.map(([n]) => n);
    expect(names.indexOf('journey.checkout.started')).toBeGreaterThan(names.indexOf('errorRate'));
    expect(names).toContain('step.pay.skipped');
  });
});

describe('journeys in junit.xml', () => {
  test('strict: suite properties named "<full name> :: journey…", valid against junit-10.xsd', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-junit-journeys-'));
    const file = join(dir, 'strict.xml');
    await writeFile(
      file,
      buildJunitReport([journeyRecord()], RUN_INFO, undefined, { flavor: 'strict' }),
    );
    expect(await xmllint(file, JUNIT_10_XSD)).toMatchObject({ code: 0 });
    const { stdout } = await promisify(execFile)('xmllint', [
      '--xpath',
      'string(//testsuite/properties/property[@name="shop > checkout journeys :: ' +
        'journey.checkout.failedAt.pay"]/@value)',
      file,
    ]);
    expect(stdout.trim()).toBe('15');
  });

  test('rich: the testcase carries them', () => {
    const xml = buildJunitReport([journeyRecord()], RUN_INFO);
    expect(xml).toContain('<property name="step.a%2Eb%20%3Cx%3E.sent" value="20"/>');
    expect(xml).toContain('<property name="journey.__proto__.started" value="20"/>');
  });
});
