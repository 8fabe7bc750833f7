import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { UslFit } from '../contracts/capacity.js';

export type { UslFit } from '../contracts/capacity.js';

/** X(N) under the USL. */
export function uslThroughput(n: number, lambda: number, sigma: number, kappa: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

/**
 * Fit the USL to closed-model levels (users, throughput in rps) by Levenberg–Marquardt.
 * Needs at least 3 distinct levels; returns a string saying why otherwise. Do not extrapolate far.
 */
export function fitUsl(users: number[], rps: number[]): UslFit | string {
  const distinct = new Set(users).size;
  if (users.length !== rps.length || distinct < 3)
    return `a USL fit needs at least 3 distinct levels, got ${distinct}`;
  const first = users.reduce((best, n, i) => (n < users[best] ? i : best), 0);
  const lambda0 = rps[first] / users[first];
  const fit = levenbergMarquardt(
    { x: users, y: rps },
    ([l, s, k]: number[]) =>
      (n: number) =>
        uslThroughput(n, l, s, k),
    {
      initialValues: [lambda0, 0.05, 0.001],
      minValues: [1e-9, 0, 0],
      maxValues: [lambda0 * 10, 1, 1],
      maxIterations: 1000,
      damping: 0.01,
      gradientDifference: [lambda0 * 1e-6, 1e-6, 1e-8],
      errorTolerance: 1e-12,
    },
  );
  const [lambda, sigma, kappa] = fit.parameterValues;
  const mean = rps.reduce((a, b) => a + b, 0) / rps.length;
  const total = rps.reduce((a, y) => a + (y - mean) ** 2, 0);
  const residual = users.reduce(
    (a, n, i) => a + (rps[i] - uslThroughput(n, lambda, sigma, kappa)) ** 2,
    0,
  );
  const peakUsers = kappa > 1e-9 ? Math.sqrt((1 - sigma) / kappa) : null;
  const peakRps =
    peakUsers !== null
      ? uslThroughput(peakUsers, lambda, sigma, kappa)
      : sigma > 0
        ? lambda / sigma
        : null;
  return {
    lambda,
    sigma,
    kappa,
    peakUsers,
    peakRps,
    rSquared: total > 0 ? 1 - residual / total : 0,
  };
}
