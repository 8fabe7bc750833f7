import type { Feeder } from '../../contracts/journeys.js';

/**
 * The journeys split `spec` drives: each feeder replaced by its share (`feeder.forSplit`), so a
 * unique record is handed out once across all splits, not once per process. A feeder two
 * journeys share stays shared (one share, one cursor). Without a split, the journeys as given.
 */
export function shareFeeders<J extends { feeder?: Feeder | undefined }>(
  journeys: J[],
  spec: { index: number; count: number } | undefined,
): J[] {
  if (!spec) return journeys;
  const shares = new Map<Feeder, Feeder>();
  const shareOf = (feeder: Feeder): Feeder => {
    let share = shares.get(feeder);
    if (!share) {
      share = feeder.forSplit?.(spec.index, spec.count) ?? feeder;
      shares.set(feeder, share);
    }
    return share;
  };
  return journeys.map((journey) =>
    journey.feeder ? { ...journey, feeder: shareOf(journey.feeder) } : journey,
  );
}
