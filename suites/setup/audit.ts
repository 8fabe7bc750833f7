import { expect } from 'vitest';
import type { RunResult } from '../../src/index.js';
import type { SuiteTarget } from './target.js';

/** Every suite's audit verdict: each answered request audited exactly once (or a printed reason why not checked). */
export async function expectCompleteAudit(run: RunResult, target: SuiteTarget): Promise<void> {
  if (!target.audit) {
    console.warn(`[vitest-stress] ${target.auditSkipReason}`);
    return;
  }
  await expect(run).toHaveCompleteAuditTrail(target.audit);
}
