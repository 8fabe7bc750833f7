import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { RequestBytes } from '../../src/engine/request-bytes.js';
import { RequestPlan } from '../../src/engine/request-plan.js';
import { load } from '../../src/load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';

/** What node:http made of one request, and the raw bytes of its connection. */
interface Parsed {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let origin: string;
const parsed: Parsed[] = [];
const raw: Buffer[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      parsed.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.end('ok');
    });
  });
  server.on('connection', (socket) => socket.on('data', (c: Buffer) => raw.push(c)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

function planFor(options: Omit<LoadOptions, 'target'>, path = ''): RequestPlan {
  return new RequestPlan(
    validateLoadOptions({ target: origin + path, requests: 1, progress: false, ...options }),
  );
}

/** Write `requests` on one connection (pipelined) and wait until the server has parsed them all. */
async function send(requests: Buffer[]): Promise<Parsed[]> {
  parsed.length = 0;
  raw.length = 0;
  const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.resume();
  socket.write(Buffer.concat(requests));
  try {
    await vi.waitFor(() => expect(parsed.length).toBe(requests.length), {
      timeout: 5000,
      interval: 5,
    });
  } finally {
    socket.destroy();
  }
  return [...parsed];
}

describe('request bytes for the autocannon driver', () => {
  test('a static POST is written byte for byte as autocannon wrote it', () => {
    const plan = planFor(
      {
        headers: { 'X-Team': 'credit' },
        scenarios: [{ name: 'a', method: 'POST', path: '/api/a', body: { n: 1 } }],
      },
      '/base/',
    );
    const bytes = new RequestBytes(plan).build(plan.scenarios[0], 'id-7');
    const host = new URL(origin).host;
    expect(bytes.toString()).toBe(
      `POST /base/api/a HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\nx-team: ` +
        `credit\r\ncontent-type: application/json\r\n` +
        `x-request-id: id-7\r\nContent-Length: 7\r\n\r\n{"n":1}`,
    );
  });

  test('node:http parses every kind of request, with the headers RequestPlan.build() gives undici', async () => {
    const plan = planFor(
      {
        headers: { authorization: 'Bearer t', 'x-request-id': 'overridden' },
        requestIdHeader: 'x-trace',
        scenarios: [
          { name: 'get', path: '/items?q=1', headers: { 'x-team': 'credit' } },
          { name: 'object', method: 'POST', path: '/json', body: { records: [1, 2], name: 'ü€' } },
          { name: 'string', method: 'PUT', path: '/text', body: 'plain text' },
          {
            name: 'json-string',
            method: 'POST',
            path: '/js',
            body: ' [1]',
            headers: { 'content-type': 'application/x-custom' },
          },
          {
            name: 'fn-object',
            method: 'POST',
            path: '/fn',
            body: ({ requestId, scenario }) => ({ requestId, scenario }),
          },
          {
            name: 'fn-text',
            method: 'POST',
            path: '/fn',
            body: ({ requestId }) => `id ${requestId} ✓`,
          },
          { name: 'fn-none', method: 'DELETE', path: '/fn', body: () => undefined },
        ],
      },
      '/base',
    );
    const writer = new RequestBytes(plan);
    const ids = plan.scenarios.map((_, i) => `t-${i + 1}`);
    // Each scenario twice: the second build comes from the cached template.
    const requests = [...plan.scenarios, ...plan.scenarios].map((s, i) =>
      writer.build(s, ids[i % ids.length]),
    );
    const seen = await send(requests);
    expect(seen).toHaveLength(requests.length);
    seen.forEach((got, i) => {
      const scenario = plan.scenarios[i % ids.length];
      const want = plan.build(scenario, ids[i % ids.length]);
      expect(got.method).toBe(want.method);
      expect(got.url).toBe(want.path);
      expect(got.body).toBe(want.body ?? '');
      const { host, connection, 'content-length': length, ...rest } = got.headers;
      expect(rest).toEqual(want.headers);
      expect(host).toBe(new URL(origin).host);
      expect(connection).toBe('keep-alive');
      expect(length).toBe(
        want.body === undefined ? undefined : String(Buffer.byteLength(want.body)),
      );
    });
    expect(seen[0].url).toBe('/base/items?q=1');
    expect(seen[0].headers['x-trace']).toBe('t-1');
    expect(seen[0].headers['x-request-id']).toBe('overridden'); // not the id header of this run: a plain header
    expect(seen[1].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[1].body)).toEqual({ records: [1, 2], name: 'ü€' });
    expect(seen[2].headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(seen[3].headers['content-type']).toBe('application/x-custom');
    expect(JSON.parse(seen[4].body)).toEqual({ requestId: 't-5', scenario: 'fn-object' });
    expect(seen[4].headers['content-type']).toBe('application/json');
    expect(seen[5].body).toBe('id t-6 ✓');
    expect(seen[5].headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(seen[6].headers['content-type']).toBeUndefined();
  });

  test('a Host header of the user replaces ours; the id header is never sent twice', async () => {
    const plan = planFor({ headers: { host: 'api.example.test', 'x-request-id': 'fixed' } });
    const [got] = await send([new RequestBytes(plan).build(plan.scenarios[0], 'only-me')]);
    expect(got.headers.host).toBe('api.example.test');
    expect(got.headers['x-request-id']).toBe('only-me');
    expect(raw.join('').match(/x-request-id/gi)).toHaveLength(1);
    expect(raw.join('').match(/^host:/gim)).toHaveLength(1);
  });

  test('buildNumbered() writes the same bytes as build() with the id prefix + seq, for every kind of scenario', () => {
    const plan = planFor({
      scenarios: [
        { name: 'get', path: '/items' },
        { name: 'object', method: 'POST', path: '/json', body: { n: 1 } },
        { name: 'fn', method: 'POST', path: '/fn', body: ({ requestId }) => `id ${requestId}` },
      ],
    });
    const bytes = new RequestBytes(plan, 'run-x-');
    for (const scenario of plan.scenarios) {
      for (const seq of [1, 9, 10, 99, 100, 12345, 4294967295, 2 ** 53 - 1]) {
        const id = `run-x-${seq}`;
        let read = 0;
        const built = bytes.buildNumbered(scenario, {
          seq,
          get id() {
            read++;
            return id;
          },
        });
        expect(built.toString('latin1')).toBe(bytes.build(scenario, id).toString('latin1'));
        // The id string is made only for a body function.
        expect(read).toBe(scenario.name === 'fn' ? 1 : 0);
      }
    }
    // Without a prefix it falls back to build() with the id.
    const plain = new RequestBytes(plan);
    expect(plain.buildNumbered(plan.scenarios[0], { seq: 5, id: 'given-5' }).toString()).toBe(
      plain.build(plan.scenarios[0], 'given-5').toString(),
    );
  });

  test('a body function that throws, throws from build()', () => {
    const plan = planFor({
      scenarios: [
        {
          name: 'bad',
          method: 'POST',
          path: '/',
          body: () => {
            throw new Error('no payload');
          },
        },
      ],
    });
    expect(() => new RequestBytes(plan).build(plan.scenarios[0], 'x')).toThrow('no payload');
  });

  test('load() on autocannon sends these bytes: all parsed, ids unique, a throwing body an error', async () => {
    parsed.length = 0;
    let calls = 0;
    const run = await load({
      target: `${origin}/base`,
      engine: 'autocannon',
      users: 3,
      requests: 300,
      seed: 3,
      requestIdPrefix: 'e2e-',
      scenarios: [
        { name: 'get', weight: 1, path: '/g' },
        { name: 'post', weight: 1, method: 'POST', path: '/p', body: { a: 1 } },
        {
          name: 'fn',
          weight: 1,
          method: 'POST',
          path: '/f',
          body: ({ requestId }) => {
            if (++calls % 10 === 0) throw new Error('every tenth');
            return { requestId };
          },
        },
      ],
    });
    expect(run.requests.total).toBe(300);
    const failed = run.ledger.filter((e) => e.outcome === 'error');
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every((e) => e.error === 'body function threw: every tenth' && e.scenario === 'fn'),
    ).toBe(true);
    expect(run.requests.ok + failed.length).toBe(300);
    const sent = parsed.filter((p) => p.url !== '/'); // the stand-in for a request whose body threw is GET /
    const ids = sent.map((p) => p.headers['x-request-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(run.requests.ok);
    for (const p of sent) {
      expect(p.url).toMatch(/^\/base\/[gpf]$/);
      if (p.url === '/base/f')
        expect(JSON.parse(p.body)).toEqual({ requestId: p.headers['x-request-id'] });
      if (p.url === '/base/p') expect(p.body).toBe('{"a":1}');
    }
  });
});
