/**
 * The shape of a synthetic credit application. Field names are snake_case because that is
 * what the seed's payloads and most credit datasets use.
 */

/** Numeric fields the credit model reads. Each may be `null` (missing), about 5% of the time. */
export const CREDIT_FEATURES = [
  'credit_score',
  'income',
  'debt_ratio',
  'loan_amount',
  'employment_years',
  'age',
  'loan_term_months',
  'open_credit_lines',
  'delinquencies_2y',
] as const;

/** Name of one model feature. */
export type CreditFeature = (typeof CREDIT_FEATURES)[number];

export const GENDERS = ['female', 'male', 'non_binary'] as const;
export const ETHNICITIES = ['group_a', 'group_b', 'group_c', 'group_d', 'group_e'] as const;
export const HOME_OWNERSHIP = ['rent', 'mortgage', 'own'] as const;
export const LOAN_PURPOSES = [
  'debt_consolidation',
  'home_improvement',
  'car',
  'education',
  'medical',
  'other',
] as const;

export type Gender = (typeof GENDERS)[number];
/** Neutral group labels: the data is synthetic and must not suggest facts about real groups. */
export type Ethnicity = (typeof ETHNICITIES)[number];

/** One synthetic credit application with its historical decision. */
export interface CreditRecord {
  /** Stable id (UUID) derived from the seed. */
  applicant_id: string;
  /** Day the application was filed, `YYYY-MM-DD`, within 2024. */
  application_date: string;
  /** FICO-like score, 300–850. */
  credit_score: number | null;
  /** Annual income in USD, whole dollars. */
  income: number | null;
  /** Monthly debt payments / monthly income, 0.01–0.95, 4 decimals. */
  debt_ratio: number | null;
  /** Requested principal in USD, multiple of 100. */
  loan_amount: number | null;
  /** Years with the current employer, whole years. */
  employment_years: number | null;
  /** Applicant age in years, 18–80. */
  age: number | null;
  /** Loan term in months: 12, 24, 36, 48 or 60. */
  loan_term_months: number | null;
  /** Open credit lines (cards, loans), 0–25. */
  open_credit_lines: number | null;
  /** Payments 30+ days late in the last two years, 0–10. */
  delinquencies_2y: number | null;
  gender: Gender;
  ethnicity: Ethnicity;
  home_ownership: (typeof HOME_OWNERSHIP)[number];
  loan_purpose: (typeof LOAN_PURPOSES)[number];
  /** The historical decision the model learns from (ground truth for fairness metrics). */
  approved: boolean;
}

/** A request body for `POST /api/analyze` and the shape of the payload fixtures. */
export interface CreditPayload {
  records: CreditRecord[];
}
