import { describe, expect, test } from 'vitest';
import {
  countsText,
  journeysTable,
  percentileCell,
  renderJourneys,
  stepsTable,
} from '../../../src/reporters/html/render-journeys.js';
import { num } from '../../../src/reporters/html/format.js';
import { buildHtmlReport } from '../../../src/reporters/html/page.js';
import { journeyRun } from '../../helpers/journey-run.js';
import { reportOf, steadyRun, testRecord } from './report-fixtures.js';

/** The cells of each body row of the first table in `html`, as text. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]),
  );
}

describe('journeysTable', () => {
  test('started, completed, failed at which step and why, skipped steps, duration with bounds', () => {
    const run = journeyRun();
    const [checkout, proto] = rows(journeysTable(run.journeys));
    expect(checkout.slice(0, 4)).toEqual(['checkout', '300', '280', '20']);
    expect(checkout[4]).toBe('pay ×15, login ×5');
    expect(checkout[5]).toBe(
      '<code>pay: check failed: status is not paid</code> ×12<br><code>login: HTTP 503</code> ×5' +
        '<br><code>pay: HTTP 500</code> ×3',
    );
    expect(checkout[6]).toBe('receipt ×20, pay ×5');
    const i = run.journeys!.checkout.intervals!.p95;
    expect(i.lowMs).not.toBeNull();
    expect(checkout[10]).toBe(
      `${num(run.journeys!.checkout.latency.p95, 1)} ms <span class="interval">` +
        `[${num(i.lowMs, 1)}, ${num(i.highMs, 1)}]</span>`,
    );
    // A journey named like the prototype is a row like any other.
    expect(proto.slice(0, 4)).toEqual(['__proto__', '20', '20', '0']);
    expect(proto[4]).toBe('–');
    expect(proto[8]).toBe('2');
  });

  test('a bound the run had too few samples for is n/a; none at all shows the percentile alone', () => {
    const latency = { p50: 12, p95: 20, p99: 30 };
    const interval = { lowMs: 15, highMs: null } as never;
    expect(percentileCell(latency, { p95: interval } as never, 'p95')).toBe(
      '20 ms <span class="interval">[15, n/a]</span>',
    );
    expect(percentileCell(latency, undefined, 'p99')).toBe('30 ms');
    expect(percentileCell(undefined, undefined, 'p50')).toBe('–');
  });

  test('names are escaped, counts sorted, nothing for a run without journeys', () => {
    expect(countsText({ '<b>': 1, pay: 3, zero: 0 })).toBe('pay ×3, &lt;b&gt; ×1');
    expect(countsText(undefined)).toBe('–');
    expect(journeysTable(undefined)).toBe('');
    expect(renderJourneys(steadyRun(3))).toBe('');
  });
});

describe('stepsTable', () => {
  test('sent, ok, failed, cancelled, skipped, percentiles and the check failures by name', () => {
    const [login, pay, receipt, dotted] = rows(stepsTable(journeyRun().steps));
    expect(login.slice(0, 6)).toEqual(['login', '320', '315', '5', '0', '0']);
    expect(login[10]).toBe('–');
    expect(pay.slice(0, 6)).toEqual(['pay', '295', '280', '15', '0', '5']);
    expect(pay[10]).toBe(
      '<code>check failed: status is not paid</code> ×12<br>' +
        '<code>capture &#39;orderId&#39; found nothing</code> ×1',
    );
    expect(receipt[5]).toBe('20');
    expect(dotted[0]).toBe('a.b &lt;x&gt;');
  });

  test("the check failures are the step's own record of them, whatever the errors' wording", () => {
    const run = journeyRun();
    const login = run.steps!.login;
    // An error worded like a check failure that the step did not record as one is not shown.
    login.errors = [{ message: 'check your network: ECONNRESET', count: 5 }];
    run.steps!.pay.checkFailures = [{ message: 'status 500 is not 200', count: 4 }];
    const [loginRow, payRow] = rows(stepsTable(run.steps));
    expect(loginRow[10]).toBe('–');
    expect(payRow[10]).toBe('<code>status 500 is not 200</code> ×4');
    delete run.steps!.pay.checkFailures; // a result of an older version
    expect(rows(stepsTable(run.steps))[1][10]).toBe('–');
  });
});

describe('the page', () => {
  test("a journey run's section has both tables; a run without journeys has no Journeys section", () => {
    const html = buildHtmlReport(
      reportOf([testRecord('journeys', [journeyRun()]), testRecord('plain', [steadyRun(3)])]),
    );
    expect(html.match(/<div class="journeys">/g)).toHaveLength(1);
    const section = html.slice(html.indexOf('<div class="journeys">'));
    expect(section).toContain('<caption>Journeys (duration of completed journeys');
    expect(section).toContain('<caption>Steps</caption>');
    expect(html.indexOf('<div class="journeys">')).toBeLessThan(html.indexOf('id="test-2"'));
  });
});
