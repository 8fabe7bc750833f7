import { rmSync } from 'node:fs';

/** Ledger files not kept: removed when their ledger is garbage-collected or the process exits. */
const pending = new Set<string>();
const collected = new FinalizationRegistry<string>(remove);
let exitHookInstalled = false;

/** Remove `path` when `owner` is collected or the process exits, whichever comes first. */
export function removeLater(owner: object, path: string): void {
  pending.add(path);
  collected.register(owner, path, owner);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: rmSync of a few files is.
    process.once('exit', removeAllPending);
  }
}

/** Remove `path` now and forget it. */
export function removeNow(owner: object, path: string): void {
  collected.unregister(owner);
  remove(path);
}

/** Files waiting for removal (for tests). */
export function pendingLedgerFiles(): readonly string[] {
  return [...pending];
}

/** The exit hook: remove every file still pending. */
export function removeAllPending(): void {
  for (const path of pending) remove(path);
}

function remove(path: string): void {
  pending.delete(path);
  try {
    rmSync(path, { force: true });
  } catch {
    // Best effort: a file that cannot be removed is left where the result's ledgerFile says.
  }
}
