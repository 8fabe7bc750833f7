import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { AuditIdCounts } from '../../src/audit/audit-id-counts.js';
import { MAX_LISTED_IDS, compareAuditTrail } from '../../src/audit/audit-trail.js';
import type { LedgerEntry } from '../../src/contracts/run-result.js';
import { DiskLedger } from '../../src/ledger-store/disk-ledger.js';
import { LedgerIncompleteError } from '../../src/ledger-store/ledger-file-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-trail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger on disk: ids run-1..run-n, every 10th a timeout (no answer), the rest 200. */
function diskLedger(name: string, n: number): DiskLedger {
  const ledger = new DiskLedger('run-', join(dir, name), 64);
  for (let i = 1; i <= n; i++) {
    if (i % 10 === 0) ledger.push(i, 's', 'timeout', 0, 'timed out', 5, i);
    else ledger.push(i, 's', 'ok', 200, undefined, 1, i);
  }
  return ledger;
}

describe('compareAuditTrail over a ledger read from disk', () => {
  test('finds the one answered request whose audit record was dropped, and the extras', () => {
    const n = 1000;
    const ledger = diskLedger('whole.bin', n);
    const audited: string[] = [];
    for (let i = 1; i <= n; i++) if (i % 10 !== 0 && i !== 417) audited.push(`run-${i}`);
    audited.push('run-20', 'run-5', 'run-99999');
    const c = compareAuditTrail(ledger, audited);
    expect(c).toEqual({
      expected: 900,
      missing: ['run-417'],
      missingCount: 1,
      duplicated: [{ id: 'run-5', count: 2 }],
      duplicatedCount: 1,
      unknown: ['run-99999'],
      unknownCount: 1,
      auditedWithoutAnswer: 1,
      complete: false,
    });
  });

  test('refuses to judge a ledger that lost rows', () => {
    let writes = 0;
    const io = {
      open: () => 1,
      write: () => {
        if (++writes === 2) throw new Error('EIO');
      },
      close: () => undefined,
    };
    const ledger = new DiskLedger('run-', join(dir, 'partial.bin'), 10, io);
    for (let i = 1; i <= 30; i++) ledger.push(i, 's', 'ok', 200, undefined, 1, i);
    expect(() => compareAuditTrail(ledger, ['run-1'])).toThrow(LedgerIncompleteError);
  });

  test('audited ids one at a time (a generator), counted by number: the dropped one is found', () => {
    const n = 5000;
    const ledger = diskLedger('streamed.bin', n);
    function* audited(): Generator<string> {
      for (let i = n; i >= 1; i--) if (i % 10 !== 0 && i !== 4321) yield `run-${i}`;
    }
    const c = compareAuditTrail(ledger, audited());
    expect(c).toMatchObject({ expected: 4500, missing: ['run-4321'], missingCount: 1 });
    expect(c.complete).toBe(false);
  });

  test('ids that are not prefix + plain number are matched exactly, never by their number', () => {
    const entry = (id: string): LedgerEntry => ({
      id,
      scenario: 's',
      outcome: 'ok',
      status: 200,
      latencyMs: 1,
      sentAtMs: 0,
    });
    const ids = ['x-7', 'x-07', 'x-', 'other-7', 'x-12345678901', 'x-4294967296', 'y-3'];
    const ledger = ids.map(entry);
    expect(compareAuditTrail(ledger, ids).complete).toBe(true);
    // 'x-007' is not 'x-7' nor 'x-07'; 'x-7 ' is not 'x-7'; 'z-7' is another prefix.
    const c = compareAuditTrail(ledger, ['x-7', 'x-007', 'x-7 ', 'z-7', 'x-4294967296']);
    expect(c.missing).toEqual(['x-07', 'x-', 'other-7', 'x-12345678901', 'y-3']);
    expect(c.unknown.sort()).toEqual(['x-007', 'x-7 ', 'z-7']);
    expect(c.duplicated).toEqual([]);
  });

  test('lists at most MAX_LISTED_IDS ids of each kind, and counts them all', () => {
    const n = MAX_LISTED_IDS + 500;
    const ledger = diskLedger('none-audited.bin', n);
    const unknownIds = Array.from({ length: n }, (_, i) => `run-${n + 1 + i}`);
    const c = compareAuditTrail(ledger, [...unknownIds, ...unknownIds]);
    const answered = n - Math.floor(n / 10);
    expect(c).toMatchObject({ expected: answered, missingCount: answered, unknownCount: n });
    expect(c.duplicatedCount).toBe(n);
    expect(c.missing).toHaveLength(MAX_LISTED_IDS);
    expect(c.unknown).toHaveLength(MAX_LISTED_IDS);
    expect(c.duplicated).toHaveLength(MAX_LISTED_IDS);
    expect(c.missing[0]).toBe('run-1');
  });
});

describe('AuditIdCounts filled before the ledger length is known (an audit source)', () => {
  test('ids past the first 2^20 wait as numbers and are placed when the join learns the ledger', () => {
    const n = (1 << 20) + 5000;
    const counts = new AuditIdCounts();
    for (let i = n; i >= 1; i--) if (i !== n - 3) counts.add(`run-${i}`);
    counts.add('run-99999999');
    expect(counts.unnumberedIds).toBe(0);
    const ledger = {
      length: n,
      *[Symbol.iterator](): Generator<LedgerEntry> {
        for (let i = 1; i <= n; i++)
          yield {
            id: `run-${i}`,
            scenario: 's',
            outcome: 'ok',
            status: 200,
            latencyMs: 1,
            sentAtMs: i,
          };
      },
    };
    const c = compareAuditTrail(ledger, counts);
    expect(c).toMatchObject({
      expected: n,
      missing: [`run-${n - 3}`],
      missingCount: 1,
      duplicatedCount: 0,
      unknown: ['run-99999999'],
      unknownCount: 1,
    });
    expect(counts.unnumberedIds).toBe(1);
    // Joined again (the matcher re-reads while records are missing): the same answer.
    expect(compareAuditTrail(ledger, counts)).toEqual(c);
  });
});
