import { spawn } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { dataPaths } from "../app.js";
import { type KarvanConfig, loadConfig } from "../platform/config/index.js";
import { acquireDataDirLock, type DataDirLock, DataDirLockedError } from "../platform/db/data-dir-lock.js";
import { openDatabase } from "../platform/db/index.js";
import { note, out } from "./context.js";

/**
 * `karvan backup`: a consistent copy of the database in one file.
 * - Embedded (PGlite): the data folder as PGlite dumps it (`karvan-<time>.tar.gz`). PGlite may be
 *   open in one process only, so the backup refuses while Karvan runs (the data folder's lock).
 * - Server (DATABASE_URL): `pg_dump --format=custom` (`karvan-<time>.dump`), while Karvan runs.
 * The file holds the database only. The secrets (data/local-secrets.json outside production, or
 * the KARVAN_* variables) are deliberately left out: a backup must not carry the key to the
 * secrets inside it (TOTP seeds, documents, the audit chain's key); keep them apart, as safely.
 */

export interface BackupOptions {
  output?: string | undefined;
  /** Folder with pg_dump / pg_restore, when the ones on PATH do not match the server's version. */
  pgBin?: string | undefined;
  progress?: (line: string) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
}

export function timestampForFileName(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The connection of a DATABASE_URL as libpq environment variables, so that pg_dump and pg_restore
 * never get the password on their command line (where any user could read it in the process list).
 */
export function postgresEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const environment: Record<string, string> = {};
  const host = url.searchParams.get("host") ?? decodeURIComponent(url.hostname);
  if (host) environment.PGHOST = host;
  if (url.port) environment.PGPORT = url.port;
  if (url.username) environment.PGUSER = decodeURIComponent(url.username);
  if (url.password) environment.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database) environment.PGDATABASE = database;
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) environment.PGSSLMODE = sslmode;
  return environment;
}

/** Runs a PostgreSQL client tool with the connection in its environment; stderr lines go to `onLine`. */
export async function runPostgresTool(
  tool: "pg_dump" | "pg_restore",
  args: string[],
  options: { databaseUrl: string; pgBin?: string | undefined; onLine?: (line: string) => void },
): Promise<void> {
  const command = options.pgBin ? path.join(options.pgBin, tool) : tool;
  const child = spawn(command, args, {
    env: { ...process.env, ...postgresEnvironment(options.databaseUrl) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const lastLines: string[] = [];
  let pending = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      lastLines.push(line);
      if (lastLines.length > 20) lastLines.shift();
      options.onLine?.(line);
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${tool} was not found${options.pgBin ? ` in ${options.pgBin}` : " on PATH"}. Install the PostgreSQL ` +
                "client tools of your server's major version (Debian/Ubuntu: apt-get install postgresql-client), " +
                "or name their folder with --pg-bin",
            )
          : error,
      );
    });
    child.once("close", resolve);
  });
  if (pending) lastLines.push(pending);
  if (code !== 0) {
    const problems = lastLines.filter(
      (line) => !/^pg_(dump|restore): (dumping|processing|creating|executing)/.test(line),
    );
    throw new Error(`${tool} failed (exit code ${code}):\n  ${problems.slice(-8).join("\n  ")}`);
  }
}

/** Takes the data folder's lock, or explains which running process holds the embedded database. */
export function lockEmbeddedDatabase(config: KarvanConfig, command: "backup" | "restore"): DataDirLock {
  try {
    return acquireDataDirLock(config.dataDir, command);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const running =
      error.holder.command === "serve" ? "Karvan is running" : `karvan ${error.holder.command} is running`;
    throw new Error(
      `${running} (process ${error.holder.pid}) and holds the embedded database in ${config.dataDir}, which ` +
        `only one process may open: stop Karvan first, then run karvan ${command} again ` +
        `(or, to back up while serving, run Karvan on a PostgreSQL server). ` +
        `If no Karvan process is running, delete ${error.file}.`,
    );
  }
}

async function backupEmbedded(config: KarvanConfig, output: string, progress: (line: string) => void) {
  const pgdata = dataPaths(config).pgdata;
  if (!existsSync(path.join(pgdata, "PG_VERSION"))) {
    throw new Error(`there is no embedded database in ${pgdata}: nothing to back up`);
  }
  const lock = lockEmbeddedDatabase(config, "backup");
  try {
    progress(`Opening the embedded database in ${pgdata}`);
    const database = await openDatabase({ pgliteDir: pgdata });
    try {
      if (!database.dumpDataDir) throw new Error("this embedded database cannot be dumped");
      progress("Copying the database (consistent: no other process has it open)");
      const dump = await database.dumpDataDir("gzip");
      progress(`Writing ${output}`);
      writeFileSync(output, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}

async function backupServer(
  databaseUrl: string,
  output: string,
  options: { pgBin?: string | undefined; progress: (line: string) => void },
) {
  options.progress("Running pg_dump (the server keeps serving meanwhile)");
  let tables = 0;
  await runPostgresTool("pg_dump", ["--format=custom", "--verbose", `--file=${output}`], {
    databaseUrl,
    pgBin: options.pgBin,
    onLine: (line) => {
      const table = /dumping contents of table "?([^"]+)"?/.exec(line)?.[1];
      if (table) {
        tables += 1;
        options.progress(`  table ${tables}: ${table}`);
      }
    },
  });
}

/** Two backups within one second must not collide: the second gets a counter. */
function freshBackupPath(folder: string, extension: string): string {
  const stem = path.resolve(folder, `karvan-${timestampForFileName()}`);
  let candidate = `${stem}${extension}`;
  for (let copy = 2; existsSync(candidate); copy++) candidate = `${stem}-${copy}${extension}`;
  return candidate;
}

export async function backupDatabase(
  config: KarvanConfig,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = Date.now();
  const progress = options.progress ?? note;
  const server = config.databaseUrl;
  const output = options.output
    ? path.resolve(options.output)
    : freshBackupPath(dataPaths(config).backups, server ? ".dump" : ".tar.gz");
  if (existsSync(output)) throw new Error(`${output} exists already: choose another --output`);
  mkdirSync(path.dirname(output), { recursive: true });
  if (server) await backupServer(server, output, { pgBin: options.pgBin, progress });
  else await backupEmbedded(config, output, progress);
  return { file: output, bytes: statSync(output).size, seconds: (Date.now() - started) / 1000 };
}

export function registerBackupCommand(program: Command): void {
  program
    .command("backup")
    .description("write a consistent copy of the database to one file (embedded: stop Karvan first)")
    .option(
      "-o, --output <file>",
      "where to write it (default: <data>/backups/karvan-<time>.tar.gz or .dump)",
    )
    .option("--pg-bin <folder>", "server only: folder with pg_dump, e.g. /usr/lib/postgresql/16/bin")
    .addHelpText(
      "after",
      `
What is in the file:
  embedded database (PGlite): the whole database folder, as PGlite dumps it (.tar.gz);
  PostgreSQL server (DATABASE_URL): pg_dump --format=custom (.dump), taken while Karvan runs.
What is not:
  the secrets (data/local-secrets.json, or the KARVAN_* variables): keep them apart from the
  backups, as safely; without them TOTP seeds and stored documents cannot be read and the audit
  chain cannot be verified. Nor the outbox folder (demo e-mails).
Restore with: karvan restore <file>`,
    )
    .action(async (options: { output?: string; pgBin?: string }) => {
      const result = await backupDatabase(loadConfig(), options);
      note(`Backup written in ${result.seconds.toFixed(1)} s: ${formatBytes(result.bytes)}`);
      out(result.file);
    });
}
