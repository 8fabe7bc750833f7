import { seedAlertRules, type AlertRule } from '../../src/metrics/index.js';

/** The seed's alert rules a suite can judge its run by, and what was left out and why. */
export interface SuiteAlertRules {
  rules: AlertRule[];
  /** Why the MongoDB rules are left out, or undefined when they are in. */
  mongoLeftOut?: string;
}

/**
 * The seed's rules for the target. The MongoDB connection rules need the pool series, which the
 * reference service exports only when MongoDB is its audit store (its /health says which):
 * without it they would be "no data", so they are left out and the reason is returned.
 */
export async function suiteAlertRules(targetUrl: string): Promise<SuiteAlertRules> {
  const rules = seedAlertRules();
  let store: unknown;
  try {
    const res = await fetch(new URL('/health', targetUrl), { signal: AbortSignal.timeout(2000) });
    store = ((await res.json()) as { auditStore?: unknown }).auditStore;
  } catch (error) {
    store = `unknown (/health: ${(error as Error).message})`;
  }
  if (store === 'mongodb') return { rules };
  return {
    rules: rules.filter((r) => !r.name.includes('Mongo')),
    mongoLeftOut:
      `MongoDB alert rules not judged: the target's audit store is ${JSON.stringify(store)}, ` +
      'so there is no connection-pool series',
  };
}
