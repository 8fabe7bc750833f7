// A trivial loopback HTTP server for benchmarks: answers every request with 200 "ok".
// Prints "listening <port>" on stdout once ready. Run as a child process (its own core).
import http from 'node:http';

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
