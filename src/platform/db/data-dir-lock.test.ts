import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, holderFileOf, lockFileOf } from "./data-dir-lock.js";

describe("the data folder's lock", () => {
  let dataDir: string;
  const children: ReturnType<typeof spawn>[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "karvan-lock-"));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A lock as another process leaves it: the lock itself and the name of its holder. */
  function lockLeftBy(pid: number): void {
    mkdirSync(lockFileOf(dataDir));
    writeFileSync(
      holderFileOf(dataDir),
      JSON.stringify({ pid, command: "serve", since: "2026-05-17T08:00:00.000Z" }),
    );
  }

  it("refuses a second holder with a message naming the first, and is free again once released", () => {
    const lock = acquireDataDirLock(dataDir, "serve");
    expect(existsSync(lockFileOf(dataDir))).toBe(true);
    let refusal: unknown;
    try {
      acquireDataDirLock(dataDir, "backup");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).message).toMatch(
      new RegExp(`in use by karvan serve \\(process ${process.pid}, since .*delete .*karvan\\.lock$`),
    );
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    acquireDataDirLock(dataDir, "backup").release();
  });

  it("refuses while another live process holds it", () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    children.push(holder);
    lockLeftBy(holder.pid as number);
    expect(() => acquireDataDirLock(dataDir, "serve")).toThrow(
      `in use by karvan serve (process ${holder.pid}, since 2026-05-17T08:00:00.000Z)`,
    );
  });

  it("takes over at once a lock whose process has ended", () => {
    lockLeftBy(spawnSync(process.execPath, ["-e", ""]).pid);
    const lock = acquireDataDirLock(dataDir, "serve");
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it("takes over a lock nobody has kept fresh for a minute, even if its pid is in use again", () => {
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    children.push(unrelated);
    lockLeftBy(unrelated.pid as number);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    utimesSync(lockFileOf(dataDir), longAgo, longAgo);
    const lock = acquireDataDirLock(dataDir, "backup");
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });
});
