import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SlaVerdict } from '../../src/contracts/meta.js';
import { capacityCases, capacityProperties } from '../../src/reporters/junit-capacity.js';
import { buildJunitReport } from '../../src/reporters/junit-report.js';
import { capacityResult } from '../helpers/capacity-result.js';
import { JUNIT_10_XSD, xmllint } from '../helpers/xmllint.js';
import { RUN_INFO, testRecord } from './html/report-fixtures.js';

const sustain = (level: number, pass: boolean): SlaVerdict => ({
  matcher: 'toSustainAtLeast',
  metric: 'capacity',
  unit: 'users',
  threshold: level,
  observed: 36,
  pass,
  negated: false,
  message: `expected capacity at least ${level} users: ${pass ? 'pass' : 'fail'}`,
  state: pass ? 'pass' : 'fail',
});
const met = {
  ...testRecord('met', []),
  capacity: [capacityResult()],
  verdicts: [sustain(30, true)],
};
const missed = {
  ...testRecord('missed', [], [sustain(40, false)], 'failed'),
  capacity: [capacityResult()],
};
const dir = await mkdtemp(join(tmpdir(), 'vs-junit-capacity-'));
const files = { rich: join(dir, 'rich.xml'), strict: join(dir, 'strict.xml') };
beforeAll(async () => {
  await writeFile(files.rich, buildJunitReport([met, missed], RUN_INFO));
  await writeFile(
    files.strict,
    buildJunitReport([met, missed], RUN_INFO, undefined, { flavor: 'strict' }),
  );
});

async function xpath(file: string, expression: string): Promise<string> {
  const { stdout } = await promisify(execFile)('xmllint', ['--xpath', expression, file]);
  return stdout.replace(/\n$/, '');
}

test('capacityProperties: capacity, knee, limiter, resolution and the USL fit', () => {
  const props = Object.fromEntries(capacityProperties(capacityResult()));
  expect(props).toMatchObject({
    capacity: '36',
    'capacity.unit': 'users',
    'capacity.knee': '30',
    'capacity.limiter': 'workers pool_workers',
    'capacity.resolution': '1',
    'capacity.firstFailing': '37',
    'capacity.usl.sigma': '0.02',
    'capacity.summary': 'breaking point: 36 users (95%: passes at 36, fails at 37 on p95)',
  });
  expect(Object.fromEntries(capacityProperties(capacityResult({ usl: 'no fit' })))).toMatchObject({
    'capacity.usl.sigma': 'n/a',
  });
});

test('capacityCases: a failure only for a toSustainAtLeast verdict on that result that did not pass', () => {
  expect(capacityCases(met)[0].failure).toBeUndefined();
  expect(capacityCases(missed)[0].failure?.message).toBe(
    'expected capacity at least 40 users: fail',
  );
  const other = { ...missed, verdicts: [{ ...sustain(40, false), observed: 12 }] };
  expect(capacityCases(other)[0].failure).toBeUndefined();
  expect(capacityCases(testRecord('none', []))).toEqual([]);
});

describe.each(['rich', 'strict'] as const)('%s', (flavor) => {
  test('a testcase per search, counted; CapacityNotMet when the required capacity is not met', async () => {
    const file = files[flavor];
    expect(await xmllint(file)).toEqual({ code: 0, stderr: '' });
    expect(await xpath(file, 'string(/testsuites/@tests)')).toBe('4');
    expect(await xpath(file, 'string(/testsuites/@failures)')).toBe('2');
    expect(await xpath(file, 'string(//testcase[2]/@name)')).toBe('suite > met › capacity search');
    expect(await xpath(file, 'count(//testcase[2]/failure)')).toBe('0');
    expect(await xpath(file, 'string(//testcase[4]/failure/@type)')).toBe('CapacityNotMet');
    const prop = (name: string) =>
      flavor === 'rich'
        ? `string(//testcase[2]/properties/property[@name="${name}"]/@value)`
        : `string(//testsuite/properties/property[@name="suite > met › capacity search :: ${name}"]/@value)`;
    expect(await xpath(file, prop('capacity'))).toBe('36');
    expect(await xpath(file, prop('capacity.knee'))).toBe('30');
    expect(await xpath(file, prop('capacity.limiter'))).toBe('workers pool_workers');
    expect(await xpath(file, prop('capacity.resolution'))).toBe('1');
  });
});

test('strict validates against junit-10.xsd and carries the levels table in system-out', async () => {
  expect(await xmllint(files.strict, JUNIT_10_XSD)).toEqual({
    code: 0,
    stderr: `${files.strict} validates\n`,
  });
  expect(await xpath(files.strict, 'string(//testcase[2]/system-out)')).toContain(
    '         37 fail             288.0     560 [532, 588]    0.10%   refine, extended ×2',
  );
});
