import { describe, expect, test } from 'vitest';
import {
  parseJsonLinesRecords,
  parseJsonRecords,
} from '../../../src/journeys/feeders/read-json.js';

const plain = (records: object[]) => records.map((r) => ({ ...r }));

describe('parseJsonRecords', () => {
  test('an array of objects, values keep their JSON types', () => {
    expect(plain(parseJsonRecords('[{"id":1,"tags":["a"]},{"id":2,"ok":true}]', 'u.json'))).toEqual(
      [
        { id: 1, tags: ['a'] },
        { id: 2, ok: true },
      ],
    );
  });

  test('a "__proto__" key stays an own field of a null-prototype record', () => {
    const [r] = parseJsonRecords('[{"__proto__":{"polluted":true},"id":1}]', 'u.json');
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.keys(r)).toEqual(['__proto__', 'id']);
    expect((r as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test.each([
    ['not JSON', '[{"id":1},', /not valid JSON.*\.jsonl/],
    ['not an array', '{"id":1}', /must hold a JSON array of objects/],
    [
      'an item that is not an object',
      '[{"id":1}, 2]',
      /record \[1\] must be an object of fields, got 2/,
    ],
    ['an array item', '[[1]]', /record \[0\] must be an object/],
  ])('%s is ERR_STRESS_FEEDER_SOURCE', (_name, text, message) => {
    expect(() => parseJsonRecords(text, 'u.json')).toThrow(message);
    expect(() => parseJsonRecords(text, 'u.json')).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_SOURCE' }),
    );
  });
});

describe('parseJsonLinesRecords', () => {
  test('one object per line, blank lines and CRLF tolerated', () => {
    expect(plain(parseJsonLinesRecords('{"id":1}\r\n\n{"id":2,"s":"a\\nb"}\n', 'u.jsonl'))).toEqual(
      [{ id: 1 }, { id: 2, s: 'a\nb' }],
    );
  });

  test('a bad line is named by its 1-based number', () => {
    expect(() => parseJsonLinesRecords('{"id":1}\n\n{"id":\n', 'u.jsonl')).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_FEEDER_SOURCE', line: 3 }),
    );
    expect(() => parseJsonLinesRecords('{"id":1}\n"text"\n', 'u.jsonl')).toThrow(
      /u\.jsonl \(line 2\): the line must be an object/,
    );
  });
});
