import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EthixOptions } from '../../fixtures/ethix-service/index.js';

const MAIN = fileURLToPath(new URL('../../fixtures/ethix-service/main.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** The reference service in a process of its own. */
export interface ServiceProcess {
  url: string;
  /** The AI core's base URL (its /metrics are the SHAP pool's), from the service's log line. */
  aiCoreUrl: string | undefined;
  auditStore: string;
  close(): Promise<void>;
}

/**
 * Start the reference service as a child process (fixtures/ethix-service/main.ts), so that what
 * its /metrics reports (resident memory, CPU, event-loop lag) is the service's own and not the
 * Vitest process's, which also holds every unit test's results. Its log goes to our stderr.
 * Resolves once it printed its URL; rejects with its log if it exits or takes over 60 s.
 */
export function startServiceProcess(
  options: Pick<EthixOptions, 'queueLimit' | 'deadlineMs'>,
): Promise<ServiceProcess> {
  const args = ['--import', 'tsx', MAIN];
  if (options.queueLimit !== undefined) args.push('--queue-limit', String(options.queueLimit));
  if (options.deadlineMs !== undefined) args.push('--deadline-ms', String(options.deadlineMs));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log: string[] = [];
  let auditStore: string | undefined;
  let aiCoreUrl: string | undefined;
  let url: string | undefined;
  let ready: (() => void) | undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    log.push(line);
    process.stderr.write(`${line}\n`);
    const store = /audit store: ([\w-]+)/.exec(line);
    if (store && line.includes('backend http')) {
      auditStore = store[1]!;
      aiCoreUrl = /AI core (http:\/\/[\d.:]+)/.exec(line)?.[1];
      ready?.();
    }
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<ServiceProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(
        new Error(
          `the reference service did not start within ${START_TIMEOUT_MS} ms:\n${log.join('\n')}`,
        ),
      );
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the reference service exited (${code ?? signal}) before it started:\n${log.join('\n')}`,
        ),
      );
    });
    // Ready once it printed its URL (stdout) and its backend line with the audit store (stderr).
    ready = () => {
      if (url === undefined || auditStore === undefined) return;
      clearTimeout(timer);
      resolve({ url, aiCoreUrl, auditStore, close });
    };
    createInterface({ input: child.stdout }).once('line', (line) => {
      url = line.trim();
      ready?.();
    });
  });
}
