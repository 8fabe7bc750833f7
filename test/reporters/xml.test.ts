import { describe, expect, test } from 'vitest';
import { escapeXml, openTag } from '../../src/reporters/xml.js';

describe('escapeXml', () => {
  test('escapes the five XML specials', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  });
  test('drops characters XML 1.0 cannot carry, keeps tab and newlines', () => {
    expect(escapeXml('ok\u0000\u0007\u001b[31mred\t\n\r')).toBe('ok[31mred\t\n\r');
  });
  test('stringifies numbers', () => {
    expect(escapeXml(12.5)).toBe('12.5');
  });
});

describe('openTag', () => {
  test('escapes every attribute and leaves out undefined ones', () => {
    expect(openTag('testcase', { name: '<"&">', time: 1, file: undefined })).toBe(
      '<testcase name="&lt;&quot;&amp;&quot;&gt;" time="1">',
    );
    expect(openTag('property', { name: 'p95Ms', value: 'n/a' }, true)).toBe(
      '<property name="p95Ms" value="n/a"/>',
    );
  });
});
