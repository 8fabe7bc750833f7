import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from './closest-name.js';
import { MAX_DURATION_MS, parseDurationMs } from './duration.js';
import { STAGE_KEYS, type ResolvedStage } from './load-options.js';
import { expectInteger, expectPlainObject } from './option-checks.js';

type StageModel = 'users' | 'rate';

function resolveRamp(ramp: unknown, durationMs: number, field: string): number {
  if (ramp === undefined || ramp === false) return 0;
  if (ramp === true) return durationMs;
  const ms = parseDurationMs(ramp, field, { allowZero: true });
  if (ms > durationMs)
    throw new InvalidOptionError(field, ramp, `a ramp no longer than the stage (${durationMs} ms)`);
  return ms;
}

/** Which model a stage uses: exactly one of users or rate, the same as the stages before it. */
function stageModel(
  s: Record<string, unknown>,
  field: string,
  model: StageModel | undefined,
): StageModel {
  if (s.users !== undefined && s.rate !== undefined)
    throw new InvalidOptionError(
      `${field}`,
      { users: s.users, rate: s.rate },
      'either users or rate in one stage, not both',
    );
  if (s.users === undefined && s.rate === undefined)
    throw new InvalidOptionError(
      `${field}.users`,
      undefined,
      'users (closed model) or rate (open model)',
    );
  const kind = s.users !== undefined ? 'users' : 'rate';
  if (model !== undefined && kind !== model)
    throw new InvalidOptionError(
      `${field}.${kind}`,
      s[kind],
      `${model}, like the stages before it (one model per plan)`,
    );
  return kind;
}

/** A stage's name (`stage-<n>` by default), unique in the plan. */
function stageName(s: Record<string, unknown>, field: string, i: number, names: Set<string>) {
  const name = s.name === undefined ? `stage-${i + 1}` : s.name;
  if (typeof name !== 'string' || name.length === 0)
    throw new InvalidOptionError(`${field}.name`, name, 'a non-empty string');
  if (names.has(name))
    throw new InvalidOptionError(
      `${field}.name`,
      name,
      'a name no other stage has (each stage is a phase of the result)',
    );
  names.add(name);
  return name;
}

/** The users or the rate (requests per second) of one stage. */
function stageLoad(s: Record<string, unknown>, field: string, kind: StageModel) {
  if (kind === 'users') return { users: expectInteger(s.users, `${field}.users`, 0) };
  if (typeof s.rate !== 'number' || !Number.isFinite(s.rate) || s.rate < 0)
    throw new InvalidOptionError(`${field}.rate`, s.rate, 'a number >= 0 (requests per second)');
  return { rate: s.rate };
}

/** A plan must send something and last no longer than timers can wait. */
function checkPlan(stages: ResolvedStage[], model: StageModel | undefined): void {
  if (stages.every((s) => (s.users ?? s.rate ?? 0) === 0)) {
    throw new InvalidOptionError(
      `stages[0].${model}`,
      0,
      `${model} > 0 in at least one stage (this plan sends nothing)`,
    );
  }
  const totalMs = stages.reduce((sum, s) => sum + s.durationMs, 0);
  if (totalMs > MAX_DURATION_MS)
    throw new InvalidOptionError(
      'stages',
      `[${totalMs} ms in all]`,
      `stages lasting at most ${MAX_DURATION_MS} ms in all (24.8 days)`,
    );
}

/** The `stages` option: a staged plan of users (closed model) or rates (open model). */
export function resolveStages(value: unknown): ResolvedStage[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidOptionError(
      'stages',
      value,
      'a non-empty array of { name, duration, users | rate, ramp }',
    );
  let model: StageModel | undefined;
  const names = new Set<string>();
  const stages = value.map((raw, i): ResolvedStage => {
    const field = `stages[${i}]`;
    const s = expectPlainObject(raw, field, 'an object { name, duration, users | rate, ramp }');
    rejectUnknownKeys(s, STAGE_KEYS, field);
    if (s.duration === undefined)
      throw new InvalidOptionError(`${field}.duration`, undefined, "a duration such as '30s'");
    const durationMs = parseDurationMs(s.duration, `${field}.duration`);
    model = stageModel(s, field, model);
    const name = stageName(s, field, i, names);
    const rampMs = resolveRamp(s.ramp, durationMs, `${field}.ramp`);
    return { name, durationMs, rampMs, ...stageLoad(s, field, model) };
  });
  checkPlan(stages, model);
  return stages;
}
