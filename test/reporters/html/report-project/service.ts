import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A loopback service answering after 2–12 ms, with real process figures at /metrics. */
export interface Service {
  url: string;
  metricsUrl: string;
  close(): Promise<void>;
}

/** Start the service; its /metrics has resident memory, heap, CPU seconds and event-loop lag of this process. */
export async function startService(): Promise<Service> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
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
    setTimeout(() => res.end('ok'), 2 + Math.random() * 10);
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
