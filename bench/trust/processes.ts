import { spawn, type ChildProcess } from 'node:child_process';

const SERVERS = new URL('../servers/', import.meta.url);

/** A child process that is stopped by its own PID (never by name). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/** The two-port noisy server (bench/servers/noisy-pair.mjs) in a child process. */
export interface NoisyPair {
  baselineUrl: string;
  candidateUrl: string;
  close(): Promise<void>;
}

/** Start the noisy server pair (median service time `medianMs`); port B's service time is `factorB` × port A's. */
export async function startNoisyPair(
  seed: number,
  factorB: number,
  medianMs: number,
): Promise<NoisyPair> {
  const child = spawn(process.execPath, [new URL('noisy-pair.mjs', SERVERS).pathname], {
    env: {
      ...process.env,
      SEED: String(seed),
      FACTOR_B: String(factorB),
      MEDIAN_MS: String(medianMs),
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [portA, portB] = await new Promise<string[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`noisy-pair exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) =>
      resolve(chunk.toString().trim().split(' ').slice(1)),
    );
  });
  return {
    baselineUrl: `http://127.0.0.1:${portA}`,
    candidateUrl: `http://127.0.0.1:${portB}`,
    close: () => stop(child),
  };
}

/** Start `count` CPU burners (bench/servers/cpu-burner.mjs), each bounded to `maxMs`. */
export function startBurners(count: number, maxMs: number): { stop(): Promise<void> } {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [new URL('cpu-burner.mjs', SERVERS).pathname], {
      env: { ...process.env, MAX_MS: String(maxMs) },
      stdio: 'ignore',
    }),
  );
  return { stop: async () => void (await Promise.all(children.map(stop))) };
}
