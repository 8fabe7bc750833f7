import type { LevelSummary } from './capacity-types.js';

/** 4xx answers that say the request itself is wrong (not 408 timeout or 429 back-pressure). */
function isRequestError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Share of a level's answers that were request errors, with the most common such status. */
export function requestErrorShare(
  level: LevelSummary,
): { share: number; status: number; count: number } | null {
  const codes = level.statusCodes;
  if (!codes) return null;
  let answered = 0;
  let rejected = 0;
  let top = { status: 0, count: 0 };
  for (const [key, count] of Object.entries(codes)) {
    const status = Number(key);
    answered += count;
    if (!isRequestError(status)) continue;
    rejected += count;
    if (count > top.count) top = { status, count };
  }
  return answered === 0 || rejected === 0 ? null : { share: rejected / answered, ...top };
}

/**
 * When a failing level failed because the target rejected the requests (most answers 4xx other
 * than 408/429: a wrong method, path, body or a missing header), the reason in words: a request
 * problem, not the target's capacity, so no resource is blamed. Null otherwise.
 */
export function requestErrorReason(level: LevelSummary): string | null {
  const rejected = requestErrorShare(level);
  if (!rejected || rejected.share < 0.5) return null;
  const pct = Math.round(rejected.share * 1000) / 10;
  return (
    `the target rejected the requests (HTTP ${rejected.status}; ${pct}% of the answers at level ` +
    `${level.level} were 4xx): check the method, path, headers and body — a request problem, not ` +
    `the target's capacity`
  );
}
