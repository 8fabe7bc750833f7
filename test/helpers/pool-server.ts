import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A server with a known capacity: `workers` workers, a fixed service time, a FIFO queue. */
export interface PoolServer {
  url: string;
  workers: number;
  serviceMs: number;
  /** Highest queue length seen. */
  maxQueued(): number;
  /** Requests that arrived while the server held no other request (no worker busy, none queued). */
  idleArrivals(): number;
  close(): Promise<void>;
}

/**
 * Start a loopback server whose every request (but GET /metrics) takes `serviceMs` of one of
 * `workers` workers (timer-based, so CPU noise matters less); requests beyond the workers wait in
 * a FIFO queue. In the closed model without think time its throughput plateaus at
 * workers / serviceMs and the response time at N users is about N · serviceMs / workers.
 * /metrics exports `pool_queue_length`, `pool_workers_busy` and `pool_workers_max`.
 */
export async function startPoolServer(workers: number, serviceMs: number): Promise<PoolServer> {
  const queue: Array<() => void> = [];
  let busy = 0;
  let maxQueued = 0;
  let idleArrivals = 0;
  const next = () => {
    while (busy < workers && queue.length > 0) {
      const job = queue.shift()!;
      busy++;
      setTimeout(() => {
        busy--;
        job();
        next();
      }, serviceMs);
    }
  };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.url === '/metrics') {
      res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
        .end(
          `# TYPE pool_queue_length gauge\npool_queue_length ${queue.length}\n` +
            `# TYPE pool_workers_busy gauge\npool_workers_busy ${busy}\n` +
            `# TYPE pool_workers_max gauge\npool_workers_max ${workers}\n`,
        );
      return;
    }
    if (busy === 0 && queue.length === 0) idleArrivals++;
    queue.push(() => {
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    maxQueued = Math.max(maxQueued, queue.length);
    next();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    workers,
    serviceMs,
    maxQueued: () => maxQueued,
    idleArrivals: () => idleArrivals,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
