import type { SlaVerdict } from '../../src/contracts/meta.js';

/**
 * A split's provisional `toHaveP95Below(150)` verdict on its run #0 (observed 95 ms, passed), as
 * rejudge() receives it from a split; `fields` override any part (the subject judged, .not, ...).
 */
export function provisionalVerdict(fields: Partial<SlaVerdict> = {}): SlaVerdict {
  return {
    matcher: 'toHaveP95Below',
    metric: 'p95',
    unit: 'ms',
    threshold: 150,
    observed: 95,
    pass: true,
    negated: false,
    message: '',
    provisional: true,
    judged: { run: 0, kind: 'run' },
    ...fields,
  };
}
