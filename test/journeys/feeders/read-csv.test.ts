import { describe, expect, test } from 'vitest';
import { parseCsvRecords } from '../../../src/journeys/feeders/read-csv.js';

const csv = (text: string, cast = false, delimiter = ',') =>
  parseCsvRecords(text, 'users.csv', { cast, delimiter });

describe('parseCsvRecords', () => {
  test('the header row names the fields; values stay strings without cast', () => {
    expect(csv('user,pin\nada,0042\nbob,7\n').map((r) => ({ ...r }))).toEqual([
      { user: 'ada', pin: '0042' },
      { user: 'bob', pin: '7' },
    ]);
  });

  test('quoting: delimiters, doubled quotes and line breaks inside quotes; CRLF and BOM', () => {
    const [a, b] = csv('\uFEFFname,note\r\n"Smith, Ada","she said ""hi"""\r\nBob,"two\nlines"\r\n');
    expect({ ...a }).toEqual({ name: 'Smith, Ada', note: 'she said "hi"' });
    expect({ ...b }).toEqual({ name: 'Bob', note: 'two\nlines' });
  });

  test('cast: unquoted numbers and true/false are typed, empty is null, quoted fields stay strings', () => {
    const [r] = csv(
      'n,f,neg,yes,no,quoted,text,empty,quotedEmpty\n42,2.5,-1e3,true,false,"007",12abc,,""\n',
      true,
    );
    expect({ ...r }).toEqual({
      n: 42,
      f: 2.5,
      neg: -1000,
      yes: true,
      no: false,
      quoted: '007',
      text: '12abc',
      empty: null,
      quotedEmpty: '',
    });
  });

  test('another delimiter', () => {
    expect({ ...csv('a;b\n1;2\n', true, ';')[0] }).toEqual({ a: 1, b: 2 });
  });

  test('a column called __proto__ is plain data: no prototype is set or polluted', () => {
    const [r] = csv('__proto__,constructor,toString\n"{""x"":1}",evil,yes\n');
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.keys(r)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(r['__proto__']).toBe('{"x":1}');
    expect(r.constructor).toBe('evil');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('empty lines are skipped', () => {
    expect(csv('a\n1\n\n2\n\n')).toHaveLength(2);
  });

  test.each([
    ['an empty file', '', /users\.csv: is empty/],
    ['a header only', 'a,b\n', /header row but no records/],
    [
      'a row with too many fields',
      'a,b\n1,2\n1,2,3\n',
      /users\.csv \(line 3\): not valid CSV: .*expect 2, got 3/,
    ],
    ['an unclosed quote', 'a,b\n"1,2\n', /not valid CSV: Quote Not Closed/],
    ['a column without a name', 'a,,c\n1,2,3\n', /header column 2 has no name/],
    ['a column named twice', 'a,b,a\n1,2,3\n', /names column "a" twice/],
  ])('%s is ERR_STRESS_FEEDER_SOURCE with the file and the problem', (_name, text, message) => {
    expect(() => csv(text)).toThrow(message);
    expect(() => csv(text)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_SOURCE', source: 'users.csv' }),
    );
  });
});
