import { describe, expect, test } from 'vitest';
import { linearRun } from '../helpers/fake-run.js';
import type { RunSummary, TimelineEntry } from '../../src/contracts/run-result.js';

function second(t: number, phase: string, p95: number, errors = 0): TimelineEntry {
  return {
    t,
    phase,
    sent: 100,
    requests: 100,
    errors,
    timeouts: 0,
    p50: p95,
    p95,
    p99: p95,
    users: 10,
    inFlight: 0,
  };
}
const base = linearRun(100);
const summary = (p95: number, errorRate = 0) =>
  ({ ...base, latency: { ...base.latency, p95 }, errorRate }) as RunSummary;
// warm p95 10 ms; spike; back within 1.5 × 10 ms from 2 s after the spike ended
const timeline = [
  ...[0, 1, 2].map((t) => second(t, 'warm', 10)),
  ...[3, 4].map((t) => second(t, 'spike', 500, 30)),
  second(5, 'cool', 200, 5),
  second(6, 'cool', 40),
  ...[7, 8, 9, 10].map((t) => second(t, 'cool', 11)),
];
const run = {
  ...base,
  timeline,
  phases: { warm: summary(10), spike: summary(500, 0.3), cool: summary(20) },
};
const unrecovered = { ...run, timeline: timeline.slice(0, 8) };

describe('.toRecoverWithin', () => {
  test('passes when recovery took less than the limit', () => {
    expect(run).toRecoverWithin(5000, { after: 'spike' });
  });
  test('fails with the measured recovery time', () => {
    expect(() => expect(run).toRecoverWithin(1000, { after: 'spike' })).toThrow(
      'expected recovery after "spike" within 1000 ms, recovered after 2000 ms (p95 <= 15 ms ' +
        'and error rate <= 1% for 3 s, from "warm" p95 10 ms)',
    );
  });
  test('fails when it did not recover before the run ended', () => {
    expect(() => expect(unrecovered).toRecoverWithin(60_000, { after: 'spike' })).toThrow(
      'expected recovery after "spike" within 60000 ms, but it did not recover before the ' +
        'run ended (3 s watched; p95 <= 15 ms and error rate <= 1% for 3 s, from "warm" p95 10 ms)',
    );
  });
  test('a tolerance moves the verdict', () => {
    expect(run).toRecoverWithin(1000, {
      after: 'spike',
      tolerance: { p95Factor: 5, errorRate: 0.1 },
    });
  });
  test('bad input fails with a message', () => {
    expect(() => expect(42).toRecoverWithin(1000, { after: 'spike' })).toThrow(
      'received number 42',
    );
    expect(() => expect(run).toRecoverWithin(1000, { after: 'surge' })).toThrow(
      /invalid option "after": got "surge", expected one of the run's phases: warm, spike, cool/,
    );
    expect(() => expect(run).toRecoverWithin(-1, { after: 'spike' })).toThrow(
      /time must be a number of ms >= 0/,
    );
    expect(() => expect(run).toRecoverWithin(1000, undefined as never)).toThrow(
      /options must name the phase/,
    );
  });
});

describe('.not.toRecoverWithin', () => {
  test('passes when recovery took longer, or never came', () => {
    expect(run).not.toRecoverWithin(1000, { after: 'spike' });
    expect(unrecovered).not.toRecoverWithin(60_000, { after: 'spike' });
  });
  test('fails when it recovered within the limit', () => {
    expect(() => expect(run).not.toRecoverWithin(5000, { after: 'spike' })).toThrow(
      'expected recovery after "spike" not within 5000 ms, recovered after 2000 ms',
    );
  });
  test('bad input fails with .not too', () => {
    expect(() => expect(run).not.toRecoverWithin(1000, { after: 'surge' })).toThrow(
      /invalid option "after"/,
    );
  });
});
