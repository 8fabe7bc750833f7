import { toHaveP50Below } from './to-have-p50-below.js';
import { toHaveP95Below } from './to-have-p95-below.js';
import { toHaveP99Below } from './to-have-p99-below.js';
import { toHavePercentileBelow } from './to-have-percentile-below.js';
import { toHaveErrorRateBelow } from './to-have-error-rate-below.js';
import { toHaveSuccessRateAbove } from './to-have-success-rate-above.js';
import { toHaveThroughputAbove } from './to-have-throughput-above.js';
import { toRecoverWithin } from './to-recover-within.js';
import { toSustainAtLeast } from './to-sustain-at-least.js';
import { toBeResilient } from './to-be-resilient.js';
import { toDegradeGracefully } from './to-degrade-gracefully.js';
import { toHaveStableMemory } from './to-have-stable-memory.js';
import { toHaveMetricBelow } from './to-have-metric-below.js';
import { toHaveCompleteAuditTrail } from './to-have-complete-audit-trail.js';
import { toFireNoAlerts } from './to-fire-no-alerts.js';
import { toMatchPerfBaseline } from './to-match-perf-baseline.js';
import { toShowNoRegression } from './to-show-no-regression.js';
import { toHaveNoChangePoint } from './to-have-no-change-point.js';

export type { StressMatchers } from './types.js';

/** Every vitest-stress matcher, for `expect.extend(stressMatchers)`. */
export const stressMatchers = {
  toHaveP50Below,
  toHaveP95Below,
  toHaveP99Below,
  toHavePercentileBelow,
  toHaveErrorRateBelow,
  toHaveSuccessRateAbove,
  toHaveThroughputAbove,
  toRecoverWithin,
  toSustainAtLeast,
  toBeResilient,
  toDegradeGracefully,
  toHaveStableMemory,
  toHaveMetricBelow,
  toHaveCompleteAuditTrail,
  toFireNoAlerts,
  toMatchPerfBaseline,
  toShowNoRegression,
  toHaveNoChangePoint,
};
