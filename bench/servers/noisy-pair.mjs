// Two loopback HTTP servers in one process (ports A and B) with the same seeded, realistic
// service-time noise: log-normal delays (median MEDIAN_MS, σ = 0.35) plus ≈ 0.3 ms of CPU work,
// and 1% stalls of 50–150 ms. Port B's service time (delay and CPU work) is multiplied by
// FACTOR_B (1 = no change, 1.25 = a 25% slowdown). One process for both, so both sides share
// the same event loop and CPU fate; each port draws from its own seeded stream.
//
// Env: SEED (default 1), FACTOR_B (default 1), MEDIAN_MS (default 10). Prints "listening <portA> <portB>" when ready.
import http from 'node:http';

const SEED = Number(process.env.SEED ?? 1);
const FACTOR_B = Number(process.env.FACTOR_B ?? 1);
const MEDIAN_MS = Number(process.env.MEDIAN_MS ?? 10);
const SIGMA = 0.35;
const STALL_SHARE = 0.01;
const CPU_MS = 0.3;

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

/** A standard normal draw (Box–Muller). */
function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function burn(ms) {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  return x;
}

function serve(factor, seed) {
  const random = prng(seed);
  const server = http.createServer((req, res) => {
    req.resume();
    const stall = random() < STALL_SHARE ? 50 + 100 * random() : 0;
    const delayMs = (MEDIAN_MS * Math.exp(SIGMA * normal(random)) + stall) * factor;
    burn(CPU_MS * factor);
    setTimeout(() => res.end('ok'), delayMs);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

const [portA, portB] = await Promise.all([serve(1, SEED), serve(FACTOR_B, SEED + 7919)]);
process.stdout.write(`listening ${portA} ${portB}\n`);
process.on('disconnect', () => process.exit(0));
