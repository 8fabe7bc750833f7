import { describe, expect, test } from 'vitest';
import { prepareTests } from '../../../src/reporters/html/prepare.js';
import {
  capacityIndexCell,
  renderHeader,
  renderIndex,
} from '../../../src/reporters/html/render-header.js';
import { capacityResult } from '../../helpers/capacity-result.js';
import { reportOf, steadyRun, testRecord } from './report-fixtures.js';

const withSearches = (name: string, n: number) => ({
  ...testRecord(name, []),
  capacity: Array.from({ length: n }, (_, i) =>
    i === 0 ? capacityResult() : capacityResult({ capacity: null, outcome: 'none' }),
  ),
});

describe('the index counts and lists capacity searches', () => {
  test('the header totals count every search on the page', () => {
    const report = reportOf([
      withSearches('two searches', 2),
      testRecord('a load run', [steadyRun(3)]),
      withSearches('one search', 1),
    ]);
    const header = renderHeader(report, prepareTests(report));
    expect(header).toContain(
      '3 tests: 3 passed, 0 failed, 0 skipped · 3 with load · 3 capacity searches ·',
    );
    const one = reportOf([withSearches('one search', 1)]);
    expect(renderHeader(one, prepareTests(one))).toContain('· 1 capacity search ·');
  });

  test("each test's row links to its searches with what they found; '–' for a test without", () => {
    const report = reportOf([withSearches('two searches', 2), testRecord('plain', [steadyRun(3)])]);
    const [searching, plain] = prepareTests(report);
    expect(capacityIndexCell(searching)).toBe(
      '<a href="#test-1-capacity-1">36 users (found)</a><br>' +
        '<a href="#test-1-capacity-2">none (none)</a>',
    );
    expect(capacityIndexCell(plain)).toBe('–');
    const index = renderIndex(prepareTests(report));
    expect(index).toContain('<th scope="col">capacity searches</th>');
    expect(index.match(/<td class="capacity">/g)).toHaveLength(2);
  });
});
