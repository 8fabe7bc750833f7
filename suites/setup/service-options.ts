import type { EthixOptions } from '../../fixtures/ethix-service/index.js';

/**
 * How the suites run the reference service: the AI core may queue 64 requests beyond its
 * workers, so 50 users without think time are served (slowly), while 100 users overflow the
 * queue and get 503 + Retry-After — the seed's "breaking point" between its stress scenarios.
 */
export const SUITE_SERVICE_OPTIONS: EthixOptions = { queueLimit: 64 };
