import { describe, expect, test } from 'vitest';
import { captureValue, compileCheck, jsonPathValue } from '../../src/journeys/checks.js';
import type { StepResponse } from '../../src/contracts/journeys.js';

const response = (status: number, body: unknown, headers = {}): StepResponse => ({
  status,
  headers,
  text: JSON.stringify(body),
  json: body,
});

describe('captures', () => {
  test('a JSON path, a header, the status and a function', () => {
    const r = response(201, { order: { id: 'o1', lines: [{ sku: 'a' }] } }, { location: '/o/1' });
    expect(captureValue({ json: '$.order.id' }, r, {})).toBe('o1');
    expect(captureValue({ json: '$.order.lines[0].sku' }, r, {})).toBe('a');
    expect(captureValue({ json: '$.nothing' }, r, {})).toBeUndefined();
    expect(captureValue({ header: 'Location' }, r, {})).toBe('/o/1');
    expect(captureValue({ status: true }, r, {})).toBe(201);
    expect(captureValue((res, vars) => `${res.status}-${String(vars.x)}`, r, { x: 1 })).toBe(
      '201-1',
    );
  });

  test('a body that is not JSON has no JSON path values', () => {
    expect(jsonPathValue(undefined, '$.a')).toBeUndefined();
    expect(jsonPathValue('text', '$.a')).toBeUndefined();
  });
});

describe('declarative checks', () => {
  test('status and JSON values pass or say why not', () => {
    const check = compileCheck({ status: [200, 201], json: { '$.ok': true } }, 'check')!;
    expect(check(response(200, { ok: true }), {})).toBe(true);
    expect(check(response(202, { ok: true }), {})).toBe('status 202 is not 200 or 201');
    expect(check(response(201, { ok: false }), {})).toBe('$.ok is false, expected true');
  });
});
