import { defineFault } from './fault.js';

/** Destroy the client's socket with a TCP RST before answering: a network error. No parameters. */
export type ResetParams = Record<string, never>;

export const reset = defineFault<ResetParams>({
  type: 'reset',
  keys: [],
  parse: () => ({}),
  describe: () => 'connection reset',
  async apply(_params, exchange) {
    exchange.reset();
  },
});
