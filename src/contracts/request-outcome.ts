// How one sent request ended: the ledger's and the fault breakdown's vocabulary. Types only.

/** How one sent request ended. */
export type RequestOutcome = 'ok' | 'http-error' | 'error' | 'timeout' | 'cancelled';
