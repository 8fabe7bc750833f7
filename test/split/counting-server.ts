import { spawn, type ChildProcess } from 'node:child_process';

// Delays cycle through 2, 5, 10, 20 ms; ids of split 3 ('s3-…') get a 503 every other request.
const SERVER_SOURCE = `
const http = require('node:http');
const DELAYS_MS = [2, 5, 10, 20];
let counted = 0;
let split3 = 0;
const server = http.createServer((req, res) => {
  req.resume();
  if (req.url === '/__count') { res.end(String(counted)); return; }
  const n = counted++;
  const id = String(req.headers['x-request-id'] || '');
  const status = id.startsWith('s3-') && split3++ % 2 === 0 ? 503 : 200;
  setTimeout(() => { res.statusCode = status; res.end('ok'); }, DELAYS_MS[n % DELAYS_MS.length]);
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('disconnect', () => process.exit(0));
`;

/** A node:http server in its own process that counts requests (GET /__count) and answers after known delays. */
export async function startCountingServer(): Promise<{
  url: string;
  counted(): Promise<number>;
  close(): Promise<void>;
}> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER_SOURCE], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    counted: async () => Number(await (await fetch(`${url}/__count`)).text()),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
