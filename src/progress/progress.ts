import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { Recorder } from '../recorder/recorder.js';

export interface ProgressHandle {
  stop(): void;
}

/** Live progress of a run (filled in by the workload-models work). */
export function startProgress(_recorder: Recorder, _options: ResolvedLoadOptions, _profile: string): ProgressHandle {
  return { stop() {} };
}
