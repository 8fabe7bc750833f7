import type { TestProject } from 'vitest/node';
import { startServiceProcess } from './service-process.js';
import { SUITE_SERVICE_OPTIONS } from './service-options.js';
import { seedMix } from './seed-mix.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL the suites load. */
    stressTarget: string;
    /** True when the suites started the reference service themselves (its audit export is then known). */
    stressTargetIsLocal: boolean;
    /** The AI core's base URL when known (the bundled service, or STRESS_AI_CORE_URL); else ''. */
    stressAiCoreUrl: string;
  }
}

const PREFLIGHT_TIMEOUT_MS = 3000;
const WARM_UP_REQUESTS = 12;

/**
 * Starts the reference service once per run (in a child process), unless STRESS_TARGET points at another
 * deployment; then the suites only read from it, after a quick health check so that a target
 * that is down fails every suite at once with a clear message instead of a long run of errors.
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.STRESS_TARGET;
  if (external) {
    await preflight(external);
    project.provide('stressTarget', external);
    project.provide('stressTargetIsLocal', false);
    project.provide('stressAiCoreUrl', process.env.STRESS_AI_CORE_URL ?? '');
    console.log(
      `[vitest-stress] suites target STRESS_TARGET=${external} (profile ${process.env.STRESS_PROFILE || 'quick'})`,
    );
    return undefined;
  }
  // A process of its own: its /metrics then measure the service, not the Vitest process.
  const service = await startServiceProcess(SUITE_SERVICE_OPTIONS);
  await warmUp(service.url);
  project.provide('stressTarget', service.url);
  project.provide('stressTargetIsLocal', true);
  project.provide('stressAiCoreUrl', service.aiCoreUrl ?? '');
  console.log(
    `[vitest-stress] reference service at ${service.url} (audit store: ` +
      `${service.auditStore}; profile ${process.env.STRESS_PROFILE || 'quick'})`,
  );
  return () => service.close();
}

/**
 * A fresh service is slow for its first requests (JIT, worker start-up, first connections);
 * a few requests of the seed's mix before any suite keep that out of the first suite's baseline.
 * Their ids carry no run's prefix, so no audit verdict counts them.
 */
async function warmUp(target: string): Promise<void> {
  const mix = seedMix();
  await Promise.all(
    Array.from({ length: WARM_UP_REQUESTS }, async (_, i) => {
      const s = mix[i % mix.length];
      const body =
        typeof s.body === 'string'
          ? s.body
          : s.body === undefined
            ? undefined
            : JSON.stringify(s.body);
      const response = await fetch(new URL(s.path ?? '/', target), {
        method: s.method,
        body,
        headers: { 'content-type': 'application/json', 'x-request-id': `warm-up-${i}` },
      });
      await response.arrayBuffer();
    }),
  );
}

async function preflight(target: string): Promise<void> {
  const url = new URL('/health', target);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PREFLIGHT_TIMEOUT_MS) });
    await response.arrayBuffer();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new Error(
      `STRESS_TARGET ${target} is not reachable (${reason} on GET ${url.href} within ` +
        `${PREFLIGHT_TIMEOUT_MS} ms); start the service or fix STRESS_TARGET`,
    );
  }
}
