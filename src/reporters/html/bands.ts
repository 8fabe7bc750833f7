import type { SlaVerdict } from '../../contracts/meta.js';
import type { TimelineEntry } from '../../contracts/run-result.js';
import type { ChartBand } from './chart-spec.js';
import { finite } from './thin.js';

/**
 * Stages as bands: each run of consecutive seconds with the same phase label; a phase named like
 * 'spike' is marked as such.
 */
export function phaseBands(timeline: readonly TimelineEntry[]): ChartBand[] {
  const bands: ChartBand[] = [];
  for (const entry of timeline) {
    if (typeof entry.phase !== 'string') continue;
    const last = bands[bands.length - 1];
    if (last && last.label === entry.phase && last.toS === entry.t) last.toS = entry.t + 1;
    else
      bands.push({
        fromS: entry.t,
        toS: entry.t + 1,
        label: entry.phase,
        kind: /spike/i.test(entry.phase) ? 'spike' : 'phase',
      });
  }
  return bands;
}

/**
 * Recovery windows from toRecoverWithin verdicts: from the end of the judged phase until the
 * run was back to normal (or to the end of the run, labelled 'not recovered').
 */
export function recoveryBands(
  verdicts: readonly SlaVerdict[],
  phases: readonly ChartBand[],
  runEndS: number,
): ChartBand[] {
  const bands: ChartBand[] = [];
  for (const v of verdicts) {
    if (v.matcher !== 'toRecoverWithin' || v.negated || typeof v.subject !== 'string') continue;
    const phaseEndS = phases
      .filter((p) => p.label === v.subject)
      .reduce<number | null>((end, p) => Math.max(end ?? p.toS, p.toS), null);
    if (phaseEndS === null) continue;
    const observedMs = finite(v.observed);
    const toS = observedMs === null ? runEndS : Math.min(runEndS, phaseEndS + observedMs / 1000);
    const label =
      observedMs === null
        ? `not recovered after ${v.subject}`
        : `recovery ${(observedMs / 1000).toFixed(1)} s`;
    bands.push({
      fromS: phaseEndS,
      toS: Math.max(toS, phaseEndS + 0.05),
      label,
      kind: observedMs === null ? 'unrecovered' : 'recovery',
    });
  }
  return bands;
}

/** Outage windows (the chaos proxy's down() .. up()) as bands; a window still open runs to the end. */
export function outageBands(
  outages: ReadonlyArray<{ fromS: unknown; toS: unknown }>,
  runEndS: number,
): ChartBand[] {
  return outages.flatMap((o) => {
    const fromS = finite(o.fromS);
    if (fromS === null) return [];
    const toS = finite(o.toS) ?? runEndS;
    return [
      {
        fromS,
        toS,
        label: finite(o.toS) === null ? 'outage (not restored)' : 'outage',
        kind: 'outage' as const,
      },
    ];
  });
}
