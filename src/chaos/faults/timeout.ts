import { defineFault } from './fault.js';

/** Hold the request and never answer, so the client's own timeout fires. No parameters. */
export type TimeoutParams = Record<string, never>;

export const timeout = defineFault<TimeoutParams>({
  type: 'timeout',
  keys: [],
  parse: () => ({}),
  describe: () => 'timeout (never answers)',
  apply: (_params, exchange) => exchange.hold(),
});
