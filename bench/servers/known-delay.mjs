// A loopback HTTP server whose responses are delayed by a known, seeded distribution, and
// which measures what it actually did, so a benchmark can compare a client's percentiles
// with the truth. Nominal delays: 90% uniform in [10, 30) ms, 8% in [80, 120), 2% in [250, 350),
// so the true p50, p95 and p99 (21.1, 105, 300 ms) each fall inside a class, not on an edge.
//
//   GET /            the delayed answer (200 "ok")
//   POST /__reset    forget what was measured, restart the seeded sequence
//   GET /__stats     { count, p50, p95, p99, nominal } of the service time measured here
//                    (request parsed → response written, ms), nearest-rank like HdrHistogram
//
// Prints "listening <port>" on stdout once ready.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const SEED = Number(process.env.SEED ?? 42);
const CLASSES = [
  { share: 0.9, fromMs: 10, toMs: 30 },
  { share: 0.08, fromMs: 80, toMs: 120 },
  { share: 0.02, fromMs: 250, toMs: 350 },
];

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The nominal value at quantile q (0..1) of the delay distribution, in ms. */
function nominalAt(q) {
  let below = 0;
  for (const c of CLASSES) {
    if (q <= below + c.share) return c.fromMs + ((q - below) / c.share) * (c.toMs - c.fromMs);
    below += c.share;
  }
  return CLASSES.at(-1).toMs;
}

let random = prng(SEED);
let measured = [];
let byId = new Map();

function drawDelayMs() {
  const pick = random();
  const within = random();
  let below = 0;
  for (const c of CLASSES) {
    below += c.share;
    if (pick < below) return c.fromMs + within * (c.toMs - c.fromMs);
  }
  return CLASSES.at(-1).fromMs;
}

function nearestRank(sorted, percentile) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1];
}

const server = http.createServer((req, res) => {
  req.resume();
  if (req.url === '/__reset') {
    random = prng(SEED);
    measured = [];
    byId = new Map();
    res.end('reset');
    return;
  }
  if (req.url === '/__stats') {
    const sorted = Float64Array.from(measured).sort();
    const at = (p) => nearestRank(sorted, p);
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        count: sorted.length,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        nominal: { p50: nominalAt(0.5), p95: nominalAt(0.95), p99: nominalAt(0.99) },
      }),
    );
    return;
  }
  if (req.url === '/__ids') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(Object.fromEntries(byId)));
    return;
  }
  const startMs = performance.now();
  const id = req.headers['x-request-id'];
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok', () => {
      const ms = performance.now() - startMs;
      measured.push(ms);
      if (typeof id === 'string') byId.set(id, ms);
    });
  }, drawDelayMs());
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
