// A paged audit export for bench/audit-export-pages.ts: ids run-1..run-N except run-<dropped>,
// computed per page (the server holds no list). GET /api/audit/export?limit=L&cursor=<offset>
// → { records, next }. Listens on 127.0.0.1:0 and prints its port on stdout.
import http from 'node:http';

const ids = Number(process.argv[2]);
const dropped = Number(process.argv[3]);
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const limit = Number(url.searchParams.get('limit'));
  const offset = Number(url.searchParams.get('cursor') ?? '0');
  const end = Math.min(ids, offset + limit);
  const records = [];
  for (let n = offset + 1; n <= end; n++)
    if (n !== dropped) records.push({ requestId: `run-${n}`, timestamp: n });
  const next = end < ids ? String(end) : undefined;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ records, ...(next ? { next } : {}) }));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
