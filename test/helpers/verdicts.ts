import type { SlaVerdict } from '../../src/contracts/meta.js';

/** A passed `toHaveP95Below(500)` verdict as the matchers record it (observed 10 ms); `over` overrides. */
export function slaVerdict(over: Partial<SlaVerdict> = {}): SlaVerdict {
  return {
    matcher: 'toHaveP95Below',
    metric: 'p95',
    unit: 'ms',
    threshold: 500,
    observed: 10,
    pass: true,
    negated: false,
    message: 'expected p95 below 500 ms, got 10 ms',
    ...over,
  };
}

/**
 * A split's provisional `toHaveP95Below(150)` verdict on its run #0 (observed 95 ms, passed), as
 * rejudge() receives it from a split; `fields` override any part (the subject judged, .not, ...).
 */
export function provisionalVerdict(fields: Partial<SlaVerdict> = {}): SlaVerdict {
  return slaVerdict({
    threshold: 150,
    observed: 95,
    message: '',
    provisional: true,
    judged: { run: 0, kind: 'run' },
    ...fields,
  });
}
