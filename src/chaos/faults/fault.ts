import type { Exchange } from '../exchange.js';

/** One kind of fault: its option keys, how to validate them, and the one method that applies it. */
export interface FaultDefinition<Params> {
  /** The `type` users write in a fault entry. */
  readonly type: string;
  /** Parameter keys besides type, rate and name. */
  readonly keys: readonly string[];
  /** Validate the parameters; throw InvalidOptionError naming `${field}.<key>`. */
  parse(raw: Record<string, unknown>, field: string): Params;
  /** A few words for messages, e.g. 'latency 5000±100 ms'. */
  describe(params: Params): string;
  /** Apply the fault to a request the proxy has picked for it. */
  apply(params: Params, exchange: Exchange): Promise<void>;
}

/** Identity helper that keeps each fault's parameter type. */
export function defineFault<Params>(definition: FaultDefinition<Params>): FaultDefinition<Params> {
  return definition;
}
