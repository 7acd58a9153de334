import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * The embedded database (PGlite) must never be opened by two processes at once: the running
 * server, a backup and a restore each hold this lock in the data folder while they use it.
 * proper-lockfile takes it atomically (a directory made with mkdir), keeps it fresh while the
 * process lives, removes it on exit and takes over one nobody has refreshed for `STALE_MS`.
 * A lock whose recorded process has ended (a crash, a killed container) is taken over at once.
 */

export interface LockHolder {
  pid: number;
  /** What holds the data folder: "serve", "backup", "restore". */
  command: string;
  since: string;
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

/**
 * Long enough that a statement keeping the event loop busy (an import, a replay) does not let
 * another process take the lock; a process that stops is recognised by its pid sooner.
 */
const STALE_MS = 60_000;

/** Data folders this process holds, to tell its own lock from one left by an earlier life of its pid. */
const heldHere = new Set<string>();

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, "karvan.lock");
}

/** Who holds the lock, for the message a second Karvan prints. */
export function holderFileOf(dataDir: string): string {
  return path.join(dataDir, "karvan.lock.json");
}

function hasEnded(holder: LockHolder, dataDir: string): boolean {
  // The same pid without the lock held here: a lock left by an earlier life of this pid (containers).
  if (holder.pid === process.pid) return !heldHere.has(dataDir);
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code !== "EPERM";
  }
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(holderFileOf(dataDir), "utf8")) as LockHolder;
    return typeof holder.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

/** The holder of a lock taken a moment ago, before it wrote its name. */
function unnamedHolder(file: string): LockHolder {
  let since = "";
  try {
    since = statSync(file).birthtime.toISOString();
  } catch {
    // released meanwhile
  }
  return { pid: 0, command: "(starting)", since };
}

/** Takes the lock, or throws DataDirLockedError naming the live process that holds it. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const file = lockFileOf(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const previous = readHolder(dataDir);
  if (previous && hasEnded(previous, dataDir)) rmSync(file, { recursive: true, force: true });
  let unlock: () => void;
  try {
    unlock = lockfile.lockSync(dataDir, {
      lockfilePath: file,
      realpath: false,
      stale: STALE_MS,
      // Stopping the server would not make the folder safer; say so and carry on.
      onCompromised: (error) => process.emitWarning(`the data folder's lock ${file}: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new DataDirLockedError(readHolder(dataDir) ?? unnamedHolder(file), file);
  }
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  writeFileSync(holderFileOf(dataDir), `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  heldHere.add(dataDir);
  return {
    file,
    release() {
      if (!heldHere.delete(dataDir)) return;
      rmSync(holderFileOf(dataDir), { force: true });
      try {
        unlock();
      } catch (error) {
        // ERELEASED: another process took the lock over; it is theirs to remove.
        if ((error as NodeJS.ErrnoException).code !== "ERELEASED") throw error;
      }
    },
  };
}
