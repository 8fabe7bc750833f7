import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveFeederOptions } from '../../../src/journeys/feeders/feeder-options.js';
import { loadRecords } from '../../../src/journeys/feeders/load-source.js';

const dir = mkdtempSync(join(tmpdir(), 'vs-feeder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const load = (source: unknown, options = {}) => loadRecords(source, resolveFeederOptions(options));
const plain = (records: object[]) => records.map((r) => ({ ...r }));

describe('loadRecords', () => {
  test('the format comes from the extension: .csv, .json, .jsonl, .ndjson', () => {
    expect(plain(load(file('a.csv', 'id\n1\n'), { cast: true }))).toEqual([{ id: 1 }]);
    expect(plain(load(file('a.json', '\uFEFF[{"id":2}]')))).toEqual([{ id: 2 }]);
    expect(plain(load(file('a.jsonl', '{"id":3}\n')))).toEqual([{ id: 3 }]);
    expect(plain(load(file('a.NDJSON', '{"id":4}\n')))).toEqual([{ id: 4 }]);
  });

  test('format overrides the extension', () => {
    expect(plain(load(file('rows.txt', '{"id":5}\n{"id":6}\n'), { format: 'jsonl' }))).toEqual([
      { id: 5 },
      { id: 6 },
    ]);
  });

  test('an array is copied: changing it afterwards changes no record', () => {
    const rows = [{ id: 1 }];
    const records = load(rows);
    rows[0].id = 2;
    expect(records[0].id).toBe(1);
  });

  test.each([
    ['a missing file', () => join(dir, 'nope.csv'), /nope\.csv: does not exist/],
    ['a directory', () => dir, /cannot be read \(EISDIR\)/],
    ['an unknown extension', () => file('rows.txt', 'id\n1\n'), /no known extension.*format:/],
    ['an empty array', () => [], /feeder source array: holds no records/],
    ['an empty JSON array', () => file('e.json', '[]'), /holds no records/],
    ['a blank JSON Lines file', () => file('e.jsonl', '\n\n'), /holds no records/],
    [
      'an array with a non-object',
      () => [{ id: 1 }, null],
      /record \[1\] must be an object of fields, got null/,
    ],
    [
      'neither array nor path',
      () => 42,
      /feeder source 42: is neither an array of records nor a file path/,
    ],
    ['an empty path', () => '', /is neither an array/],
  ])('%s is ERR_STRESS_FEEDER_SOURCE at definition time', (_name, source, message) => {
    const value = source();
    expect(() => load(value)).toThrow(message);
    expect(() => load(value)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_SOURCE' }),
    );
  });
});
