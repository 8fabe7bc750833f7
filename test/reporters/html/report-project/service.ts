import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * A loopback service answering after 2–12 ms, with real process figures at /metrics, and items to
 * create (POST /items → { id }) and read (GET /items/<id>) for a journey.
 */
export interface Service {
  url: string;
  metricsUrl: string;
  close(): Promise<void>;
}

/** Start the service; its /metrics has resident memory, heap, CPU seconds and event-loop lag of this process. */
export async function startService(): Promise<Service> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let created = 0;
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics') {
      const cpu = process.cpuUsage();
      const lines = [
        `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
        `nodejs_heap_size_used_bytes ${process.memoryUsage().heapUsed}`,
        `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
        `nodejs_eventloop_lag_seconds ${lag.max / 1e9}`,
      ];
      lag.reset();
      res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
        .end(`${lines.join('\n')}\n`);
      return;
    }
    req.resume();
    // The journey's routes: POST /items creates an item, GET /items/<id> reads it back.
    const item = /^\/items(?:\/(\d+))?$/.exec(req.url ?? '');
    const body =
      item && req.method === 'POST'
        ? JSON.stringify({ id: ++created })
        : item?.[1]
          ? JSON.stringify({ id: Number(item[1]), status: 'paid' })
          : 'ok';
    if (item) res.setHeader('content-type', 'application/json');
    setTimeout(() => res.end(body), 2 + Math.random() * 10);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    metricsUrl: `${url}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        lag.disable();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
