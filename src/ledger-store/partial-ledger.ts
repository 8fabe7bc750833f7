import type { LedgerFileSection, RunResult } from '../contracts/run-result.js';
import { LedgerIncompleteError } from './ledger-file-reader.js';

/** The run's warning for a ledger file that lost rows. */
export function partialLedgerWarning(file: LedgerFileSection): string {
  return (
    `the request ledger is partial: ${file.lostRows} of ${file.rows} rows were not written to ` +
    `${file.path} (${file.error ?? 'unknown error'}); the audit and chaos joins refuse it`
  );
}

/** Throw ERR_STRESS_LEDGER_INCOMPLETE when `result`'s ledger file lost rows: no join judges on it. */
export function assertWholeLedger(result: Pick<RunResult, 'ledgerFile'>): void {
  if (result.ledgerFile?.partial) throw new LedgerIncompleteError(result.ledgerFile);
}
