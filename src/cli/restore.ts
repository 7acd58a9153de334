import { existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { dataPaths } from "../app.js";
import { type KarvanConfig, loadConfig } from "../platform/config/index.js";
import { type DatabaseHandle, openDatabase } from "../platform/db/index.js";
import {
  formatBytes,
  lockEmbeddedDatabase,
  postgresEnvironment,
  runPostgresTool,
  timestampForFileName,
} from "./backup.js";
import { note } from "./context.js";

/**
 * `karvan restore <file>`: puts a backup made by `karvan backup` back.
 * - Embedded: refuses while Karvan runs; unpacks the backup into a fresh folder, checks that it
 *   opens as a Karvan database, then swaps it in and keeps the old folder as
 *   `pgdata.before-restore-<time>` (delete it yourself once you are satisfied).
 * - Server: refuses while other sessions use the database (a running Karvan), then
 *   `pg_restore --clean --if-exists` in one transaction: it fails whole or succeeds whole.
 */

export interface RestoreOptions {
  /** Skip the question: the caller has confirmed already (--yes). */
  yes?: boolean;
  /** Server only: restore even though other sessions are connected. */
  force?: boolean;
  pgBin?: string | undefined;
  progress?: (line: string) => void;
  /** Asks the person at the terminal; by default on stdin/stderr. */
  confirm?: (question: string) => Promise<boolean>;
}

export interface RestoreResult {
  /** Embedded: where the database that was replaced is kept. */
  previous?: string;
  users: number;
}

async function askAtTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error("restore replaces the database: confirm with --yes");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|h|hə|д|да)$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
}

/** A restored database must open and look like Karvan's; answers its number of user accounts. */
async function checkKarvanDatabase(database: DatabaseHandle): Promise<number> {
  try {
    await database.raw.query("select 1 from karvan_migrations.__drizzle_migrations limit 1");
    const { rows } = await database.raw.query<{ count: number }>("select count(*)::int as count from users");
    return rows[0]?.count ?? 0;
  } catch (error) {
    throw new Error(`the restored database is not a Karvan database: ${(error as Error).message}`);
  }
}

async function restoreEmbedded(
  config: KarvanConfig,
  file: string,
  options: RestoreOptions & { progress: (line: string) => void },
): Promise<RestoreResult> {
  const bytes = readFileSync(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzip && bytes.subarray(257, 262).toString("latin1") !== "ustar") {
    throw new Error(`${file} is not a backup of an embedded database (.tar.gz made by karvan backup)`);
  }
  const pgdata = dataPaths(config).pgdata;
  const lock = lockEmbeddedDatabase(config, "restore");
  try {
    const confirmed =
      options.yes ||
      (await (options.confirm ?? askAtTerminal)(
        `Replace the database in ${pgdata} with ${file}? The current one is kept beside it.`,
      ));
    if (!confirmed) throw new Error("restore cancelled: nothing changed");

    const stamp = timestampForFileName();
    const fresh = `${pgdata}.restoring-${stamp}`;
    rmSync(fresh, { recursive: true, force: true });
    options.progress(`Unpacking ${path.basename(file)} (${formatBytes(bytes.length)}) into a fresh folder`);
    const dump = new Blob([bytes], { type: gzip ? "application/x-gzip" : "application/x-tar" });
    try {
      const unpacked = await openDatabase({ pgliteDir: fresh, pgliteLoadDataDir: dump });
      try {
        await checkKarvanDatabase(unpacked);
      } finally {
        await unpacked.close();
      }
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      throw error;
    }

    const previous = existsSync(pgdata) ? `${pgdata}.before-restore-${stamp}` : undefined;
    options.progress("Swapping it in");
    if (previous) renameSync(pgdata, previous);
    renameSync(fresh, pgdata);
    try {
      options.progress("Checking that it opens");
      const restored = await openDatabase({ pgliteDir: pgdata });
      try {
        const users = await checkKarvanDatabase(restored);
        return previous ? { previous, users } : { users };
      } finally {
        await restored.close();
      }
    } catch (error) {
      // Put the database that worked back in its place.
      renameSync(pgdata, fresh);
      if (previous) renameSync(previous, pgdata);
      throw error;
    }
  } finally {
    lock.release();
  }
}

async function restoreServer(
  databaseUrl: string,
  file: string,
  options: RestoreOptions & { progress: (line: string) => void },
): Promise<RestoreResult> {
  const head = readFileSync(file).subarray(0, 5).toString("latin1");
  if (head !== "PGDMP")
    throw new Error(`${file} is not a pg_dump custom-format archive (made by karvan backup)`);
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const otherSessions = async () => {
      const { rows } = await database.raw.query<{ name: string; sessions: number }>(
        `select current_database() as name,
                (select count(*)::int from pg_stat_activity
                  where datname = current_database() and pid <> pg_backend_pid()) as sessions`,
      );
      return { name: rows[0]?.name ?? "", sessions: rows[0]?.sessions ?? 0 };
    };
    let { name, sessions } = await otherSessions();
    // A session that is just closing still shows for a moment: look again before refusing.
    for (let look = 0; look < 3 && sessions > 0; look++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ({ name, sessions } = await otherSessions());
    }
    if (sessions > 0 && !options.force) {
      throw new Error(
        `${sessions} other session(s) are connected to the database ${name}: stop Karvan first ` +
          "(every instance), then run karvan restore again (--force restores anyway)",
      );
    }
    const confirmed =
      options.yes ||
      (await (options.confirm ?? askAtTerminal)(
        `Replace the contents of the database ${name} with ${file}? What is there now is lost.`,
      ));
    if (!confirmed) throw new Error("restore cancelled: nothing changed");
  } finally {
    await database.close();
  }

  options.progress("Running pg_restore (one transaction: all or nothing)");
  let steps = 0;
  // pg_restore needs the database named on its command line; the rest comes from the environment.
  const target = postgresEnvironment(databaseUrl);
  const dbname = target.PGDATABASE ?? target.PGUSER ?? "postgres";
  await runPostgresTool(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      "--verbose",
      `--dbname=${dbname}`,
      file,
    ],
    {
      databaseUrl,
      pgBin: options.pgBin,
      onLine: (line) => {
        if (/processing data for table/.test(line)) {
          steps += 1;
          options.progress(`  table ${steps}: ${line.replace(/^.*processing data for table /, "")}`);
        }
      },
    },
  );
  const restored = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    return { users: await checkKarvanDatabase(restored) };
  } finally {
    await restored.close();
  }
}

export async function restoreDatabase(
  config: KarvanConfig,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`no backup file at ${source}`);
  const progress = options.progress ?? note;
  return config.databaseUrl
    ? restoreServer(config.databaseUrl, source, { ...options, progress })
    : restoreEmbedded(config, source, { ...options, progress });
}

export function registerRestoreCommand(program: Command): void {
  program
    .command("restore")
    .description("put back a backup made by karvan backup (stop Karvan first)")
    .argument("<file>", "the backup: .tar.gz (embedded database) or .dump (PostgreSQL server)")
    .option("-y, --yes", "do not ask for confirmation")
    .option("--force", "server only: restore even though other sessions are connected")
    .option("--pg-bin <folder>", "server only: folder with pg_restore, e.g. /usr/lib/postgresql/16/bin")
    .addHelpText(
      "after",
      `
Embedded database: the backup is unpacked into a fresh folder and checked; then it replaces
<data>/pgdata, and the replaced folder is kept as pgdata.before-restore-<time>.
PostgreSQL server: pg_restore --clean --if-exists in one transaction, into DATABASE_URL.
The secrets are not in the backup: restore with the same data/local-secrets.json or KARVAN_* keys.`,
    )
    .action(async (file: string, options: { yes?: boolean; force?: boolean; pgBin?: string }) => {
      const started = Date.now();
      const result = await restoreDatabase(loadConfig(), file, options);
      note(`Restored in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.users} user account(s).`);
      if (result.previous) note(`The database it replaced is kept in ${result.previous}`);
    });
}
