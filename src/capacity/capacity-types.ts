// The search's result types live in the contracts layer, shared with the reports.
export type {
  LevelSummary,
  SettleReport,
  CapacityResult,
  Attribution,
} from '../contracts/capacity.js';
