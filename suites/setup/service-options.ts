import type { EthixOptions } from '../../fixtures/ethix-service/index.js';

/**
 * The longest client timeout of the suites (batch.perf.ts: 60 s). The reference service's own
 * deadline is set to it: with the service's default 10 s, a busy 2-core runner (two CPU burners
 * beside CI) got 504s for 8 of 10 5000-record requests — a second, stricter timeout that
 * depends on the machine's speed, not on what the suites judge. The client's timeout now
 * decides "too slow", and the suites still count it (batch: "5000 records never time out").
 */
export const SUITE_TIMEOUT_MS = 60_000;

/**
 * How the suites run the reference service: the AI core may queue 64 requests beyond its
 * workers, so 50 users without think time are served (slowly), while 100 users overflow the
 * queue and get 503 + Retry-After — the seed's "breaking point" between its stress scenarios.
 * The deadline is the suites' longest client timeout (see SUITE_TIMEOUT_MS).
 */
export const SUITE_SERVICE_OPTIONS: EthixOptions = { queueLimit: 64, deadlineMs: SUITE_TIMEOUT_MS };
