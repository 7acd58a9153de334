import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The embedded database (PGlite) must never be opened by two processes at once: the running
 * server, a backup and a restore each hold this lock file in the data folder while they use it.
 * A lock whose process has ended (a crash, a killed container) is stale and taken over.
 */

export interface LockHolder {
  pid: number;
  /** What holds the data folder: "serve", "backup", "restore". */
  command: string;
  since: string;
  token: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    readonly file: string,
  ) {
    super(
      `the data folder is in use by karvan ${holder.command} (process ${holder.pid}, since ${holder.since}); ` +
        `if no Karvan process is running, delete ${file}`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, "karvan.lock");
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a lock left by an earlier life of this pid (containers)
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof holder.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

/** Takes the lock, or throws DataDirLockedError naming the live process that holds it. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const file = lockFileOf(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: "wx", mode: 0o600 });
      return {
        file,
        release() {
          // Only our own lock: never remove one that a later process took over.
          if (readHolder(file)?.token === holder.token) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(file);
      if (current && isAlive(current.pid)) throw new DataDirLockedError(current, file);
      try {
        unlinkSync(file); // stale: its process has ended
      } catch {
        // another process removed it first; try again
      }
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
