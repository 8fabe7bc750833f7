import { spawn } from 'node:child_process';

const TRIVIAL = new URL('../servers/trivial.mjs', import.meta.url);

export interface ServerProcess {
  url: string;
  pid: number;
  /** Stop the server by its PID and wait for it to exit. */
  stop(): Promise<void>;
}

/** bench/servers/trivial.mjs in a child process of its own, on 127.0.0.1 (its own core). */
export function startTrivialServer(): Promise<ServerProcess> {
  const child = spawn(process.execPath, [TRIVIAL.pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  const kill = () => {
    if (running && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
  };
  const stop = async () => {
    kill();
    await exited;
  };
  process.once('exit', kill);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('trivial.mjs did not start within 10 s')),
      10_000,
    );
    child.once('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid!, stop });
    });
  });
}
