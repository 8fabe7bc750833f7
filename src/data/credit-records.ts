import { InvalidOptionError } from '../errors.js';
import { seededRandom, type SeededRandom } from './faker-draws.js';
import {
  CREDIT_FEATURES,
  ETHNICITIES,
  GENDERS,
  HOME_OWNERSHIP,
  LOAN_PURPOSES,
  type CreditRecord,
  type Ethnicity,
} from './schema.js';

/** Options of {@link generateCreditRecords}. */
export interface GenerateCreditOptions {
  /** PRNG seed (integer). The same seed and count give byte-identical records. Default 42. */
  seed?: number;
  /** Probability that any one model feature is `null`, 0–0.5. Default 0.05. */
  missingRate?: number;
  /**
   * Structural gap, in standard deviations of latent creditworthiness, applied to `group_b`
   * and `group_d`, 0–2. Default 0.3: enough for fairness metrics to have something to find.
   */
  disparity?: number;
}

/** Largest `n` accepted: bigger payloads belong in a stream, not an array. */
export const MAX_GENERATED_RECORDS = 1_000_000;

const ETHNICITY_SHARES = [0.4, 0.25, 0.18, 0.12, 0.05];
const DISADVANTAGED: ReadonlySet<Ethnicity> = new Set(['group_b', 'group_d']);
const LOAN_TERMS_MONTHS = [12, 24, 36, 48, 60];
/** Intercept of the approval logit, calibrated so that approval lands near 65% at the defaults. */
const APPROVAL_INTERCEPT = 1.3;

/**
 * `n` synthetic credit applications. Targets (Pearson, n = 5000, defaults; see
 * docs/reference-service.md): credit_score ~ income ≈ +0.5, credit_score ~ debt_ratio ≈ −0.45,
 * credit_score ~ approved ≈ +0.6, debt_ratio ~ approved ≈ −0.45, income ~ loan_amount ≈ +0.7; ≈5%
 * of feature values null;
 * approval rate 60–70%.
 */
export function generateCreditRecords(
  n: number,
  options: GenerateCreditOptions = {},
): CreditRecord[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_GENERATED_RECORDS) {
    throw new InvalidOptionError('n', n, `an integer from 0 to ${MAX_GENERATED_RECORDS}`);
  }
  const { seed = 42, missingRate = 0.05, disparity = 0.3 } = options;
  if (!Number.isSafeInteger(seed)) throw new InvalidOptionError('seed', seed, 'a safe integer');
  if (typeof missingRate !== 'number' || !(missingRate >= 0 && missingRate <= 0.5)) {
    throw new InvalidOptionError('missingRate', missingRate, 'a number from 0 to 0.5');
  }
  if (typeof disparity !== 'number' || !(disparity >= 0 && disparity <= 2)) {
    throw new InvalidOptionError('disparity', disparity, 'a number from 0 to 2');
  }
  const rng = seededRandom(seed);
  const records: CreditRecord[] = new Array(n);
  for (let i = 0; i < n; i++) records[i] = oneRecord(rng, missingRate, disparity);
  return records;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Draw order is part of the contract: changing it changes every committed fixture. */
function oneRecord(rng: SeededRandom, missingRate: number, disparity: number): CreditRecord {
  const applicant_id = rng.faker.string.uuid();
  const application_date = rng.faker.date
    .between({ from: '2024-01-01T00:00:00.000Z', to: '2024-12-31T23:59:59.999Z' })
    .toISOString()
    .slice(0, 10);
  const gender = rng.weighted(GENDERS, [0.49, 0.49, 0.02]);
  const ethnicity = rng.weighted(ETHNICITIES, ETHNICITY_SHARES);
  // One latent creditworthiness drives score, income and debt ratio, which gives the target correlations.
  const z = rng.normal() - (DISADVANTAGED.has(ethnicity) ? disparity : 0);

  const age = clamp(Math.round(40 + 11 * (0.25 * z + 0.97 * rng.normal())), 18, 80);
  const credit_score = clamp(Math.round(690 + 75 * (0.92 * z + 0.39 * rng.normal())), 300, 850);
  const income = Math.round(Math.exp(Math.log(58_000) + 0.5 * (0.6 * z + 0.8 * rng.normal())));
  const debt_ratio = round4(clamp(0.34 - 0.11 * (0.5 * z + 0.866 * rng.normal()), 0.01, 0.95));
  const employment_years = clamp(Math.round((age - 18) * rng.uniform(0.05, 0.6)), 0, 50);
  const loanShare = rng.uniform(0.05, 0.5);
  const loan_amount = clamp(Math.round((income * loanShare) / 100) * 100, 1_000, 250_000);
  const loan_term_months = rng.weighted(LOAN_TERMS_MONTHS, [0.1, 0.2, 0.35, 0.15, 0.2]);
  const open_credit_lines = clamp(Math.round(6 + 3 * rng.normal() + z), 0, 25);
  let delinquencies_2y = 0;
  for (let p = sigmoid(-2.2 - 1.3 * z); delinquencies_2y < 10 && rng.uniform(0, 1) < p; p *= 0.5)
    delinquencies_2y++;
  const home_ownership = rng.weighted(HOME_OWNERSHIP, [0.35, 0.45, 0.2]);
  const loan_purpose = rng.weighted(LOAN_PURPOSES, [0.35, 0.15, 0.15, 0.1, 0.1, 0.15]);

  // The historical decision reads only observable fields, so a model can learn it.
  const logit =
    APPROVAL_INTERCEPT +
    1.6 * ((credit_score - 690) / 75) +
    0.6 * (Math.log(income / 58_000) / 0.5) -
    0.9 * ((debt_ratio - 0.34) / 0.11) -
    0.6 * delinquencies_2y -
    0.5 * ((loan_amount / income - 0.275) / 0.13) +
    0.03 * employment_years;
  const approved = rng.uniform(0, 1) < sigmoid(logit);

  const record: CreditRecord = {
    applicant_id,
    application_date,
    credit_score,
    income,
    debt_ratio,
    loan_amount,
    employment_years,
    age,
    loan_term_months,
    open_credit_lines,
    delinquencies_2y,
    gender,
    ethnicity,
    home_ownership,
    loan_purpose,
    approved,
  };
  for (const feature of CREDIT_FEATURES) {
    if (rng.uniform(0, 1) < missingRate) record[feature] = null;
  }
  return record;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
