import type { ChildProcess } from 'node:child_process';

/** How long a child gets to stop after SIGTERM before SIGKILL, ms. */
const TERM_GRACE_MS = 5000;

/** Stop a child by its PID: SIGTERM, SIGKILL after 5 s; resolves when it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  }, TERM_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Kill the child by PID if this process exits while it still runs (a test that failed or timed
 * out before its afterAll ran). Returns the function that removes the hook.
 */
export function killOnExit(child: ChildProcess): () => void {
  const hook = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', hook);
  return () => process.off('exit', hook);
}
