import tls from 'node:tls';
import type { ResolvedTls } from '../options/tls.js';

/** The part of autocannon's client that opens its connection (lib/httpClient.js, autocannon 9). */
interface ConnectingClient {
  secure: boolean;
  _connect(): void;
}

/**
 * Make an autocannon client open its TLS connections with `options`. autocannon 9 calls
 * `tls.connect(port, host, { ...tlsOptions, rejectUnauthorized: false, servername })`: it never
 * verifies the certificate, whatever it is given. Its `_connect` runs synchronously, so for that
 * call only `tls.connect` is wrapped to put our `ca` and `rejectUnauthorized` last. An unverified
 * certificate then fails the handshake before a request byte is sent, as on the undici engines.
 */
export function verifyAutocannonTls(client: ConnectingClient, options: ResolvedTls): void {
  if (!client.secure) return;
  const connect = client._connect;
  client._connect = function connectVerified(this: ConnectingClient) {
    const original = tls.connect;
    tls.connect = ((...args: Parameters<typeof tls.connect>) => {
      const last = args.length - 1;
      if (typeof args[last] === 'object' && args[last] !== null)
        args[last] = { ...args[last], ...options } as never;
      return (original as (...a: unknown[]) => tls.TLSSocket)(...args);
    }) as typeof tls.connect;
    try {
      connect.call(this);
    } finally {
      tls.connect = original;
    }
  };
}
