import type { Attribution, LevelSummary } from './capacity-types.js';

export type { Attribution } from './capacity-types.js';

/** Attribute the limit at `failingLevel` to the resources saturated there (never a guess). */
export function attribute(
  levels: LevelSummary[],
  failingLevel: number | null,
  generatorBound: boolean,
): Attribution {
  const generator = generatorBound
    ? 'the load generator lagged or sent late: the capacity found is a lower bound set by the ' +
      'generator, not by the target'
    : '';
  const failing = levels.filter((l) => l.level === failingLevel).at(-1);
  if (!failing) {
    return {
      possible: false,
      reason: 'no failing level',
      limitedBy: [],
      generatorBound,
      text: generator || 'no failing level to attribute',
    };
  }
  if (failing.resources === undefined) {
    const reason = failing.metricsError ?? 'no metrics were sampled';
    return {
      possible: false,
      reason,
      limitedBy: [],
      generatorBound,
      text: generator || `attribution not possible: ${reason}`,
    };
  }
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  const limitedBy = failing.resources
    .filter((r) => r.saturated)
    .map((r) => {
      // Since: the lowest level from which this resource stayed saturated up to the failing level.
      let since = failing.level;
      for (const l of sorted.filter((x) => x.level <= failing.level).reverse()) {
        if (l.resources?.some((x) => x.resource === r.resource && x.saturated)) since = l.level;
        else break;
      }
      return {
        resource: r.resource,
        sinceLevel: since,
        text: `${r.text} (saturated from ${since})`,
      };
    });
  const found = limitedBy.length
    ? limitedBy.map((r) => r.text).join('; ')
    : 'no sampled resource was at its limit';
  return {
    possible: true,
    limitedBy,
    generatorBound,
    text: generator ? `${generator}; ${found}` : found,
  };
}
