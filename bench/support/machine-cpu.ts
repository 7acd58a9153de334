import { existsSync, readFileSync } from "node:fs";

/** The machine's CPU time so far, all cores together, in clock ticks (the first line of /proc/stat). */
export interface MachineCpuTicks {
  total: number;
  idle: number;
  stolen: number;
}

/**
 * The `cpu` line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal (guest time
 * is counted within user already). Idle includes iowait: a core waiting for the disk ran nothing.
 */
export function parseProcStat(text: string): MachineCpuTicks | null {
  const line = text.split("\n").find((one) => one.startsWith("cpu "));
  const ticks = line?.trim().split(/\s+/).slice(1, 9).map(Number) ?? [];
  if (ticks.length < 8 || ticks.some((one) => !Number.isFinite(one))) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = ticks;
  return {
    total: user + nice + system + idle + iowait + irq + softirq + steal,
    idle: idle + iowait,
    stolen: steal,
  };
}

/** The machine's CPU time so far; null where /proc is missing. */
export function machineCpuTicks(): MachineCpuTicks | null {
  return existsSync("/proc/stat") ? parseProcStat(readFileSync("/proc/stat", "utf8")) : null;
}

/**
 * Between two readings: the share of the machine's CPU time that was idle, and the share the
 * hypervisor gave to other machines (steal). A run whose tail comes with little idle time was short
 * of CPU; one with much stolen time was slowed by its neighbours, not by what it ran.
 */
export function cpuSharesBetween(
  before: MachineCpuTicks,
  after: MachineCpuTicks,
): { idle: number; stolen: number } | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  return { idle: (after.idle - before.idle) / total, stolen: (after.stolen - before.stolen) / total };
}
