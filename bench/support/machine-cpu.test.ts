import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuSharesBetween, machineCpuTicks, parseProcStat } from "./machine-cpu.js";

const procStat = (user: number, idle: number, iowait: number, steal: number) =>
  [
    `cpu  ${user} 0 100 ${idle} ${iowait} 0 20 ${steal} 0 0`,
    `cpu0 ${user} 0 50 ${idle} ${iowait} 0 10 ${steal} 0 0`,
    "intr 12345",
  ].join("\n");

describe("the machine's CPU time", () => {
  it("reads the all-cores line, with iowait counted as idle", () => {
    expect(parseProcStat(procStat(1000, 500, 30, 7))).toEqual({
      total: 1000 + 100 + 500 + 30 + 20 + 7,
      idle: 530,
      stolen: 7,
    });
  });

  it("refuses a text without a whole cpu line", () => {
    expect(parseProcStat("cpu0 1 2 3 4 5 6 7 8\n")).toBeNull();
    expect(parseProcStat("cpu  1 2 3\n")).toBeNull();
  });

  it("gives the idle and stolen shares between two readings", () => {
    const before = parseProcStat(procStat(1000, 500, 0, 0));
    // 400 ticks later: 240 busy, 100 idle, 20 waiting for the disk, 40 stolen.
    const after = parseProcStat(procStat(1240, 600, 20, 40));
    if (!before || !after) throw new Error("both readings parse");
    const shares = cpuSharesBetween(before, after);
    expect(shares?.idle).toBeCloseTo(120 / 400, 10);
    expect(shares?.stolen).toBeCloseTo(40 / 400, 10);
    expect(cpuSharesBetween(after, after)).toBeNull();
  });

  it.runIf(existsSync("/proc/stat"))("reads this machine's counters, which only grow", () => {
    const before = machineCpuTicks();
    const after = machineCpuTicks();
    expect(before?.total).toBeGreaterThan(0);
    expect(before && after && after.total >= before.total && after.idle >= before.idle).toBe(true);
  });
});
