import { cpus } from 'node:os';

/** The machine a baseline was recorded on: figures from another machine are not comparable. */
export interface MachineFingerprint {
  cores: number;
  cpuModel: string;
  nodeMajor: number;
  platform: string;
  arch: string;
}

/** This machine's fingerprint. */
export function machineFingerprint(): MachineFingerprint {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: (list[0]?.model ?? 'unknown').trim(),
    nodeMajor: Number(process.versions.node.split('.')[0]),
    platform: process.platform,
    arch: process.arch,
  };
}

/** 'cores 8 → 2, Node 22 → 20' for what differs; undefined when the fingerprints match. */
export function fingerprintDifference(
  recorded: MachineFingerprint,
  now: MachineFingerprint,
): string | undefined {
  const parts: string[] = [];
  if (recorded.cores !== now.cores) parts.push(`cores ${recorded.cores} → ${now.cores}`);
  if (recorded.cpuModel !== now.cpuModel)
    parts.push(`CPU "${recorded.cpuModel}" → "${now.cpuModel}"`);
  if (recorded.nodeMajor !== now.nodeMajor)
    parts.push(`Node ${recorded.nodeMajor} → ${now.nodeMajor}`);
  if (recorded.platform !== now.platform || recorded.arch !== now.arch)
    parts.push(`${recorded.platform}-${recorded.arch} → ${now.platform}-${now.arch}`);
  return parts.length ? parts.join(', ') : undefined;
}
