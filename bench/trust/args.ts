/** A `--name=value` number from the command line, or `fallback` when it is not given. */
export function numberArg(name: string, fallback: number, argv = process.argv): number {
  return Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
}

/** Each trust benchmark's defaults for the flags they share. */
export interface TrustDefaults {
  reruns: number;
  serviceMs: number;
  burners: number;
}

/** The settings both trust benchmarks share: flags with the bench's defaults, and the fixed gate. */
export interface TrustSettings {
  /** --reruns: CI jobs per condition. */
  reruns: number;
  /** --round-ms: one A/B round per side, in ms. */
  roundMs: number;
  /** --users: closed-model users of every run. */
  users: number;
  /** --service-ms: the noisy server's median service time, in ms. */
  serviceMs: number;
  /** --burners: CPU burners started beside the server. */
  burners: number;
  /** Port B's service time × this in the slowdown condition. */
  slowdown: number;
  /** The p95 tolerance every method gates on. */
  tolerance: '+10%';
  confidence: number;
}

/** The shared settings from the command line (`--reruns=20 --round-ms=1000 --users=40 …`). */
export function trustSettings(defaults: TrustDefaults, argv = process.argv): TrustSettings {
  return {
    reruns: numberArg('reruns', defaults.reruns, argv),
    roundMs: numberArg('round-ms', 1000, argv),
    users: numberArg('users', 40, argv),
    serviceMs: numberArg('service-ms', defaults.serviceMs, argv),
    burners: numberArg('burners', defaults.burners, argv),
    slowdown: 1.25,
    tolerance: '+10%',
    confidence: 0.95,
  };
}
