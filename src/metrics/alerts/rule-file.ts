import { stringify } from 'yaml';
import { promDuration, type AlertRule } from './rule.js';

/** Options of alertRulesYaml(). */
export interface RuleFileOptions {
  /** The rule group's name; default 'vitest-stress'. */
  group?: string;
  /** Evaluation interval of the group, seconds; default Prometheus' global one. */
  intervalS?: number;
}

/**
 * A Prometheus rule file (YAML) for the rules: one alerting rule each, `expr > threshold`,
 * `for`, a severity label and the summary, plus the value in the description. `promtool check
 * rules` accepts it.
 */
export function alertRulesYaml(rules: readonly AlertRule[], options: RuleFileOptions = {}): string {
  const group: Record<string, unknown> = { name: options.group ?? 'vitest-stress' };
  if (options.intervalS !== undefined) group.interval = `${options.intervalS}s`;
  group.rules = rules.map((rule) => ({
    alert: rule.name,
    expr: `${rule.expr} > ${rule.threshold}`,
    for: promDuration(rule.forMs),
    labels: { severity: rule.severity },
    annotations: {
      summary: rule.summary,
      description: `${rule.summary}: value {{ $value }} (threshold ${rule.threshold}, ${rule.unit})`,
    },
  }));
  return stringify({ groups: [group] }, { lineWidth: 0 });
}
