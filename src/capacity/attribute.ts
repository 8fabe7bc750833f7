import type { Attribution, LevelSummary } from './capacity-types.js';
import { requestErrorReason } from './client-errors.js';

export type { Attribution } from './capacity-types.js';

/** Attribute the limit at `failingLevel` to the resources saturated there (never a guess). */
export function attribute(
  levels: LevelSummary[],
  failingLevel: number | null,
  generatorBound: boolean,
): Attribution {
  const byGenerator = generatorBound ? generatorEntry(levels) : undefined;
  const generator = byGenerator
    ? `the load generator saturated first (${byGenerator.text}): the capacity found is a lower ` +
      'bound set by the generator, not by the target'
    : '';
  const failing = levels.filter((l) => l.level === failingLevel).at(-1);
  const notPossible = (reason: string, text: string): Attribution => ({
    possible: false,
    reason,
    limitedBy: byGenerator ? [byGenerator] : [],
    generatorBound,
    // Both facts: why the target's side is unknown, and the generator's lag when it lagged.
    text: [text, generator].filter(Boolean).join('; '),
  });
  if (!failing)
    return notPossible('no failing level', generator ? '' : 'no failing level to attribute');
  const rejected = requestErrorReason(failing);
  if (rejected) return notPossible(rejected, rejected);
  if (failing.resources === undefined) {
    const reason = failing.metricsError ?? 'no metrics were sampled';
    return notPossible(reason, `attribution not possible: ${reason}`);
  }
  const limitedBy = saturatedSince(levels, failing);
  const found = limitedBy.length
    ? limitedBy.map((r) => r.text).join('; ')
    : 'no sampled resource was at its limit';
  if (byGenerator) limitedBy.unshift(byGenerator);
  return {
    possible: true,
    limitedBy,
    generatorBound,
    text: generator ? `${generator}; the target: ${found}` : found,
  };
}

/** The failing level's saturated resources, causes before symptoms, each since its first level. */
function saturatedSince(levels: LevelSummary[], failing: LevelSummary): Attribution['limitedBy'] {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  const saturated = failing
    .resources!.filter((r) => r.saturated)
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
        rank: rankOf(r.resource),
      };
    })
    // Causes before symptoms (RANKS), then what saturated first.
    .sort((a, b) => a.rank - b.rank || a.sinceLevel - b.sinceLevel);
  return saturated.map(({ rank: _rank, ...r }) => r);
}

/**
 * Causes before symptoms: refusals, then a pool or admission limit, then a queue (work waiting),
 * then CPU, then event-loop lag (a CPU shortage seen from inside).
 */
const RANKS: readonly RegExp[] = [
  /(^| )refusals /,
  /(^| )(admitted|workers) /,
  /(^| )queue /,
  /(^| )CPU$/,
];

function rankOf(resource: string): number {
  const i = RANKS.findIndex((r) => r.test(resource));
  return i < 0 ? RANKS.length : i;
}

/** The generator as a limit: from the lowest level where it lagged or sent late, with why. */
function generatorEntry(levels: LevelSummary[]): Attribution['limitedBy'][number] {
  const lagging = levels.filter((l) => l.generatorWarnings.length > 0);
  const first = lagging.reduce((a, b) => (b.level < a.level ? b : a), lagging[0]);
  if (!first) return { resource: 'load generator', sinceLevel: 0, text: 'load generator' };
  const why = first.generatorWarnings[0].split(':')[0];
  return {
    resource: 'load generator',
    sinceLevel: first.level,
    text: `${why} from ${first.level}`,
  };
}
