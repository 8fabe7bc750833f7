import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareAuditTrail } from '../../src/audit/audit-trail.js';
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
      duplicated: [{ id: 'run-5', count: 2 }],
      unknown: ['run-99999'],
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
});
