// Keeps one core busy: a tight loop for at most MAX_MS (default 30 min), then exits; also exits
// as soon as its parent is gone (the loop never yields, so it polls its parent's pid).
// The trust benchmark runs two of these beside the server and the client, as noise.
const MAX_MS = Number(process.env.MAX_MS ?? 30 * 60_000);
const parent = process.ppid;
const end = Date.now() + MAX_MS;
let x = 0;
while (Date.now() < end && process.ppid === parent)
  for (let i = 0; i < 100_000; i++) x += Math.sqrt(i + x);
process.exit(x > 0 ? 0 : 1);
