import { defineFault } from './fault.js';
import { expectNumber } from './parse-number.js';

/** Forward the request, then trickle the upstream response body to the client. */
export interface SlowBodyParams {
  /** Body bytes sent per second, > 0. Headers go out at once. */
  bytesPerSecond: number;
}

export const slowBody = defineFault<SlowBodyParams>({
  type: 'slowBody',
  keys: ['bytesPerSecond'],
  parse: (raw, field) => ({
    bytesPerSecond: expectNumber(raw.bytesPerSecond, `${field}.bytesPerSecond`, { min: 1 }),
  }),
  describe: ({ bytesPerSecond }) => `slow body ${bytesPerSecond} B/s`,
  apply: ({ bytesPerSecond }, exchange) => exchange.forward({ bytesPerSecond }),
});
