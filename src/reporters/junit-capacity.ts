import type { CapacityMeta } from '../contracts/capacity.js';
import type { TestRecord } from '../contracts/perf-results.js';
import { capacityBlock } from '../report-text/capacity-block.js';
import { capacityHeadline, limiterResource, limiterText } from '../report-text/capacity-rows.js';
import { finalAttempts, isFinalAttempt } from './attempts.js';

/** The JUnit testcase of one capacity search: its properties, and a failure when not met. */
export interface CapacityCase {
  name: string;
  durationMs: number;
  properties: Array<[string, string]>;
  /** Set when a toSustainAtLeast verdict on this result did not pass. */
  failure?: { message: string; body: string };
  /** The readable block for the strict flavor's `<system-out>`. */
  block: string[];
}

const text = (v: number | string | null) => (v === null ? 'n/a' : String(v));

/** capacity, knee, limiter, resolution and the rest of a search as name/value pairs. */
export function capacityProperties(result: CapacityMeta): Array<[string, string]> {
  const usl = typeof result.usl === 'string' ? undefined : result.usl;
  return [
    ['capacity', text(result.capacity)],
    ['capacity.unit', result.unit],
    ['capacity.outcome', result.outcome],
    ['capacity.firstFailing', text(result.firstFailing)],
    ['capacity.knee', text(result.knee)],
    ['capacity.limiter', text(limiterResource(result))],
    ['capacity.limitedBy', limiterText(result)],
    ['capacity.resolution', String(result.resolution)],
    ['capacity.confidence', String(result.confidence)],
    ['capacity.generatorBound', String(result.generatorBound)],
    ['capacity.levels', String(result.levels.length)],
    ['capacity.usl.sigma', usl ? String(usl.sigma) : 'n/a'],
    ['capacity.usl.kappa', usl ? String(usl.kappa) : 'n/a'],
    ['capacity.usl.peakUsers', usl ? text(usl.peakUsers) : 'n/a'],
    ['capacity.usl.rSquared', usl ? String(usl.rSquared) : 'n/a'],
    ['capacity.summary', capacityHeadline(result)],
  ];
}

/**
 * One testcase per findCapacity() result of `test`, named '<full name> › capacity search'. It
 * fails when a final toSustainAtLeast verdict on that result (same unit and capacity) did not
 * pass: the required capacity was not met (or not shown).
 */
export function capacityCases(test: TestRecord): CapacityCase[] {
  const results = test.capacity ?? [];
  const finals = finalAttempts(test);
  return results.map((result, i) => {
    const missed = test.verdicts.filter(
      (v) =>
        v.matcher === 'toSustainAtLeast' &&
        !v.pass &&
        !v.provisional &&
        isFinalAttempt(v, finals) &&
        v.unit === result.unit &&
        v.observed === result.capacity,
    );
    const suffix = results.length > 1 ? ` ${i + 1}` : '';
    return {
      name: `${test.fullName} › capacity search${suffix}`,
      durationMs: result.wallTimeMs,
      properties: capacityProperties(result),
      block: capacityBlock(result),
      ...(missed.length > 0
        ? {
            failure: {
              message: missed[0].message,
              body: missed.map((v) => v.message).join('\n'),
            },
          }
        : {}),
    };
  });
}
