/** Memory readings of this process every few seconds while a run goes on (bench/soak-http.ts). */
import os from 'node:os';

const MB = 1024 * 1024;

export interface MemorySample {
  /** Seconds since the sampler started. */
  tS: number;
  rssMb: number;
  heapUsedMb: number;
  arrayBuffersMb: number;
  /** The machine's 1-minute load average at this reading. */
  load1: number;
}

export interface MemoryGrowth {
  /** The reading growth is measured from (the first one at or after `fromS`). */
  from: MemorySample;
  /** The last reading, at the end of the run. */
  to: MemorySample;
  /** Highest RSS seen. */
  peakRssMb: number;
  /** Lowest and highest 1-minute load average seen. */
  load1: { min: number; max: number };
  /** RSS at the end of each minute (MB), for long runs. */
  rssByMinuteMb: number[];
}

function read(startMs: number): MemorySample {
  const m = process.memoryUsage();
  return {
    tS: (performance.now() - startMs) / 1000,
    rssMb: m.rss / MB,
    heapUsedMb: m.heapUsed / MB,
    arrayBuffersMb: m.arrayBuffers / MB,
    load1: os.loadavg()[0],
  };
}

/**
 * Start reading process.memoryUsage() every `everyMs`; stop() takes a last reading and returns
 * them all. With `gcAtS` (and node's --expose-gc) a full GC runs just before the first reading at
 * or after `gcAtS` seconds and before the last one, so that growth between the two compares live
 * memory rather than garbage not collected yet (one pause of the run, at `gcAtS`).
 */
export function sampleMemory(everyMs: number, gcAtS?: number): { stop(): MemorySample[] } {
  const startMs = performance.now();
  const samples: MemorySample[] = [read(startMs)];
  let gcPending = gcAtS !== undefined;
  const timer = setInterval(() => {
    if (gcPending && (performance.now() - startMs) / 1000 >= gcAtS!) {
      gcPending = false;
      global.gc?.();
    }
    samples.push(read(startMs));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      if (gcAtS !== undefined) global.gc?.();
      samples.push(read(startMs));
      return samples;
    },
  };
}

/** Growth from the first reading at or after `fromS` seconds to the last reading. */
export function growthSince(samples: MemorySample[], fromS: number): MemoryGrowth {
  const from = samples.find((s) => s.tS >= fromS) ?? samples[0];
  return {
    from,
    to: samples[samples.length - 1],
    peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
    load1: {
      min: Math.min(...samples.map((s) => s.load1)),
      max: Math.max(...samples.map((s) => s.load1)),
    },
    rssByMinuteMb: samples
      .filter((s, i) => i > 0 && Math.floor(s.tS / 60) > Math.floor(samples[i - 1].tS / 60))
      .map((s) => Math.round(s.rssMb)),
  };
}
