import { inject } from 'vitest';
import type { AuditSource } from '../../src/audit/audit-source.js';

/** The target of the suites and where its audit trail can be read. */
export interface SuiteTarget {
  url: string;
  /** Where to check audit completeness, or undefined (with `auditSkipReason`) when unknown. */
  audit: AuditSource | undefined;
  auditSkipReason?: string;
}

/**
 * The suites' target. Against the bundled service the audit trail is its export; against
 * STRESS_TARGET it is STRESS_AUDIT_URL (an export endpoint) or STRESS_AUDIT_MONGODB_URI
 * (+ STRESS_AUDIT_DB, STRESS_AUDIT_COLLECTION, default ethixai/auditlogs), else the audit verdict
 * is skipped and says so.
 */
export function suiteTarget(): SuiteTarget {
  const url = inject('stressTarget');
  if (inject('stressTargetIsLocal')) return { url, audit: { exportUrl: url } };
  const env = process.env;
  if (env.STRESS_AUDIT_URL) return { url, audit: { exportUrl: env.STRESS_AUDIT_URL } };
  if (env.STRESS_AUDIT_MONGODB_URI) {
    return {
      url,
      audit: {
        mongodb: {
          uri: env.STRESS_AUDIT_MONGODB_URI,
          database: env.STRESS_AUDIT_DB ?? 'ethixai',
          collection: env.STRESS_AUDIT_COLLECTION ?? 'auditlogs',
        },
      },
    };
  }
  return {
    url,
    audit: undefined,
    auditSkipReason:
      'STRESS_TARGET is set without STRESS_AUDIT_URL or STRESS_AUDIT_MONGODB_URI: audit completeness not checked',
  };
}
