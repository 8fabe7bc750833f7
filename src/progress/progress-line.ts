import type { RecorderSnapshot } from '../recorder/recorder.js';

/** What a progress line shows besides the recorder's live figures. */
export interface ProgressLineInput {
  snapshot: RecorderSnapshot;
  /** Planned length of the run, ms. */
  plannedMs: number;
  /** Finished requests per second over the last interval. */
  rps: number;
  model: 'closed' | 'open';
  profile: string;
}

/**
 * One line of live progress, e.g.
 * `stress [quick] 12s/30s spike · users 50 · 812 rps · p95 41.2 ms · errors 3 (0.4%)`.
 */
export function formatProgressLine(input: ProgressLineInput): string {
  const { snapshot: s, plannedMs, rps, model, profile } = input;
  const elapsed = `${Math.floor(s.elapsedMs / 1000)}s/${Math.round(plannedMs / 1000)}s`;
  const level = model === 'open' ? `rate ${s.users}/s` : `users ${s.users}`;
  const p95 = s.p95Ms === null ? 'p95 -' : `p95 ${formatMs(s.p95Ms)}`;
  const errorShare = s.finished > 0 ? ` (${Math.round((s.failed / s.finished) * 1000) / 10}%)` : '';
  const parts = [
    `stress [${profile}] ${elapsed}${s.phase ? ` ${s.phase}` : ''}`,
    level,
    `${Math.round(rps)} rps`,
    p95,
    `errors ${s.failed}${errorShare}`,
  ];
  return parts.join(' · ');
}

function formatMs(ms: number): string {
  return ms >= 100 ? `${Math.round(ms)} ms` : `${Math.round(ms * 10) / 10} ms`;
}
