/** `vitest-stress/data`: synthetic credit records (the seed's payloads), seeded and schema-checked. */
export { generateCreditRecords, MAX_GENERATED_RECORDS } from './credit-records.js';
export { serializePayload, serializeRecord } from './serialize.js';
export { CREDIT_FEATURES, ETHNICITIES, GENDERS, HOME_OWNERSHIP, LOAN_PURPOSES } from './schema.js';

export type { GenerateCreditOptions } from './credit-records.js';
export type { CreditFeature, CreditPayload, CreditRecord, Ethnicity, Gender } from './schema.js';
