import type { LatencyHistogram } from '../histogram/latency-histogram.js';
import type { RequestCounts } from '../contracts/run-result.js';
import type { SequentialReport, SequentialVerdict } from '../contracts/sequential.js';
import { lookAlpha } from './alpha-spending.js';
import { lookPercentile, lookProportion, type LookBounds } from './look.js';
import type { ResolvedUntil, UntilSla } from './until-options.js';

/** The live figures a look reads: the run's histogram of successes and its counts. */
export interface LiveFigures {
  histogram: LatencyHistogram;
  counts: RequestCounts;
}

/**
 * The sequential judge of one run: call look(elapsedMs) at each look (once a second); it spends
 * the look's share of α on every undecided SLA and says whether all are decided. finish() takes a
 * last look that spends the rest of α, and reports. Pure apart from reading `figures()`.
 */
export class SequentialJudge {
  private readonly decided = new Map<UntilSla, SequentialVerdict>();
  private previousFraction = 0;
  private looks = 0;
  private lastLookMs = 0;

  constructor(
    private readonly until: ResolvedUntil,
    private readonly maxDurationMs: number,
    private readonly figures: () => LiveFigures,
  ) {}

  /** One look at `elapsedMs` after the start; true once every SLA is decided. */
  look(elapsedMs: number): boolean {
    if (elapsedMs < this.until.minDurationMs) return false;
    this.judgeAt(elapsedMs, Math.min(1, elapsedMs / this.maxDurationMs));
    return this.allDecided();
  }

  /** True when every SLA has a conclusive verdict. */
  allDecided(): boolean {
    return this.decided.size === this.until.slas.length;
  }

  /** The last look (spending what is left of α) and the report; `aborted` when a signal stopped the run. */
  finish(elapsedMs: number, stoppedByDecision: boolean, aborted: boolean): SequentialReport {
    if (!this.allDecided()) this.judgeAt(elapsedMs, 1);
    const verdicts = this.until.slas.map((sla) => this.decided.get(sla) ?? this.undecided(sla));
    const stoppedBecause = stoppedByDecision ? 'decided' : aborted ? 'aborted' : 'max-duration';
    return {
      confidence: 1 - this.until.alpha,
      method: 'obrien-fleming-spending',
      stoppedBecause,
      stoppedAtMs: Math.round(elapsedMs),
      maxDurationMs: this.maxDurationMs,
      looks: this.looks,
      verdicts,
    };
  }

  private judgeAt(elapsedMs: number, fraction: number): void {
    if (fraction <= this.previousFraction) return;
    const alpha = lookAlpha(this.previousFraction, fraction, this.until.alpha);
    this.previousFraction = fraction;
    this.looks++;
    this.lastLookMs = elapsedMs;
    const live = this.figures();
    for (const sla of this.until.slas) {
      if (this.decided.has(sla)) continue;
      const bounds = judgeSla(sla, live, alpha);
      if (bounds.decision === undefined) continue;
      this.decided.set(sla, { ...this.verdictOf(sla, bounds, alpha), state: bounds.decision });
    }
  }

  private verdictOf(sla: UntilSla, bounds: LookBounds, alpha: number): SequentialVerdict {
    const { metric, threshold } = sla;
    const atMs = Math.round(this.lastLookMs);
    return {
      metric,
      threshold,
      state: 'inconclusive',
      atMs,
      low: bounds.low,
      high: bounds.high,
      lookAlpha: alpha,
    };
  }

  private undecided(sla: UntilSla): SequentialVerdict {
    return this.verdictOf(sla, { decision: undefined, low: null, high: null }, 0);
  }
}

function judgeSla(sla: UntilSla, live: LiveFigures, alpha: number): LookBounds {
  if (sla.percentile !== undefined)
    return lookPercentile(live.histogram, sla.percentile, sla.threshold, alpha);
  const finished = live.counts.ok + live.counts.failed;
  return lookProportion(live.counts.failed, finished, sla.threshold, alpha);
}
