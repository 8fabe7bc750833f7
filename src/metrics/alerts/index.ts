export { seedAlertRules, MONGO_CONNECTIONS_METRIC, ALERT_METRIC_NAMES } from './seed-rules.js';
export { evaluateAlerts } from './evaluate.js';
export { alertRulesYaml } from './rule-file.js';
export { describeVerdict } from './describe-verdict.js';
export type { AlertRule, AlertUnit, RunSignal } from './rule.js';
export type { AlertVerdict, AlertEpisode, EvaluateOptions } from './evaluate.js';
export type { SeedAlertOptions } from './seed-rules.js';
export type { RuleFileOptions } from './rule-file.js';
