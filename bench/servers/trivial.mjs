// A trivial loopback HTTP server for benchmarks: answers every request with 200 "ok", after
// an optional fixed delay in ms (first argument; default 0: at once).
// Prints "listening <port>" on stdout once ready. Run as a child process (its own core).
import http from 'node:http';

const delayMs = Number(process.argv[2] ?? 0);
const answer = (res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
};
const server = http.createServer((req, res) => {
  req.resume();
  if (delayMs > 0) setTimeout(answer, delayMs, res);
  else answer(res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
