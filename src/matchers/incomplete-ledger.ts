import type { LedgerFileSection } from '../contracts/run-result.js';
import { LedgerIncompleteError } from '../ledger-store/ledger-file-reader.js';

/** The refusal text for a partial ledger file: the code first, so a reader can search for it. */
export function incompleteMessage(file: LedgerFileSection): string {
  const error = new LedgerIncompleteError(file);
  return `${error.code}: ${error.message}; no verdict on a partial ledger`;
}
