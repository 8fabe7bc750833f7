import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chaosProxy } from '../../src/chaos/index.js';
import { InvalidOptionError } from '../../src/errors.js';
import { load } from '../../src/load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';

// Test-only self-signed pairs for 127.0.0.1 (see test/fixtures/tls/README.md).
const pem = (name: string) =>
  readFileSync(new URL(`../fixtures/tls/${name}.pem`, import.meta.url), 'utf8');
const serverCert = pem('server-cert');
const otherCert = pem('other-cert');

let server: Server;
let target: string;
let answered = 0;
beforeAll(async () => {
  server = createServer({ key: pem('server-key'), cert: serverCert }, (_req, res) => {
    answered++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const ENGINES: [string, Partial<LoadOptions>][] = [
  ['autocannon', { engine: 'autocannon', users: 2, requests: 6 }],
  ['undici users', { engine: 'undici', users: 2, requests: 6 }],
  ['open model', { rate: 30, duration: '200ms' }],
];

describe('https targets: every engine verifies the certificate, and one tls option works on all', () => {
  for (const [engine, mode] of ENGINES) {
    test(`${engine}: a self-signed certificate is refused by default and no request reaches the server`, async () => {
      answered = 0;
      const run = await load({ target, ...mode, timeout: '2s', progress: false } as LoadOptions);
      expect(run.requests.total).toBeGreaterThan(0);
      expect(run.requests.errors).toBe(run.requests.total);
      expect(run.errors[0].message).toMatch(/self-signed certificate/);
      expect(answered).toBe(0);
    });

    test(`${engine}: tls.ca trusting the server's certificate → every request succeeds`, async () => {
      const run = await load({
        target,
        ...mode,
        timeout: '2s',
        progress: false,
        tls: { ca: serverCert },
      } as LoadOptions);
      expect(run.requests.total).toBeGreaterThan(0);
      expect(run.requests.ok).toBe(run.requests.total);
      expect(run.options.tls).toEqual({ ca: '[1 certificate(s)]', rejectUnauthorized: true });
    });

    test(`${engine}: tls.ca with another certificate → every request fails`, async () => {
      answered = 0;
      const run = await load({
        target,
        ...mode,
        timeout: '2s',
        progress: false,
        tls: { ca: [otherCert] },
      } as LoadOptions);
      expect(run.requests.errors).toBe(run.requests.total);
      expect(answered).toBe(0);
    });

    test(`${engine}: tls.rejectUnauthorized false accepts the certificate`, async () => {
      const run = await load({
        target,
        ...mode,
        timeout: '2s',
        progress: false,
        tls: { rejectUnauthorized: false },
      } as LoadOptions);
      expect(run.requests.ok).toBe(run.requests.total);
    });
  }

  test("the chaos proxy's https upstream is verified the same way", async () => {
    const trusting = await chaosProxy({ target, tls: { ca: serverCert } });
    const defaulting = await chaosProxy({ target });
    try {
      const ok = await load({ target: trusting.url, users: 1, requests: 3, progress: false });
      expect(ok.statusCodes).toEqual({ 200: 3 });
      answered = 0;
      const refused = await load({
        target: defaulting.url,
        users: 1,
        requests: 3,
        progress: false,
      });
      expect(refused.statusCodes).toEqual({ 502: 3 });
      expect(answered).toBe(0);
    } finally {
      await Promise.all([trusting.close(), defaulting.close()]);
    }
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      'tls for an http: target',
      { target: 'http://127.0.0.1:1', tls: { rejectUnauthorized: false } },
      'tls',
    ],
    [
      'a ca that is not a certificate',
      { target: 'https://127.0.0.1:1', tls: { ca: 'not a pem' } },
      'tls.ca',
    ],
    [
      'a ca list with a number',
      { target: 'https://127.0.0.1:1', tls: { ca: [serverCert, 5] } },
      'tls.ca[1]',
    ],
    [
      'rejectUnauthorized not a boolean',
      { target: 'https://127.0.0.1:1', tls: { rejectUnauthorized: 'no' } },
      'tls.rejectUnauthorized',
    ],
  ])('%s is refused naming the field', (_label, options, field) => {
    expect(() => validateLoadOptions(options as unknown as LoadOptions)).toThrow(
      InvalidOptionError,
    );
    try {
      validateLoadOptions(options as unknown as LoadOptions);
    } catch (error) {
      expect((error as InvalidOptionError).field).toBe(field);
    }
  });
});
