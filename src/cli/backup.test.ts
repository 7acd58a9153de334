import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabaseName } from "../../test/support/global-setup.js";
import { buildKarvan, dataPaths, openConfiguredDatabase, prepareDatabase } from "../app.js";
import { type KarvanConfig, loadConfig } from "../platform/config/index.js";
import { holderFileOf, lockFileOf } from "../platform/db/data-dir-lock.js";
import { openDatabase } from "../platform/db/index.js";
import { backupDatabase, postgresEnvironment } from "./backup.js";
import { restoreDatabase } from "./restore.js";

const quiet = () => {};
const onServer = process.env.KARVAN_TEST_DB === "postgres";

function configFor(dataDir: string, databaseUrl?: string): KarvanConfig {
  return loadConfig({
    NODE_ENV: "test",
    KARVAN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
}

async function probeValues(config: KarvanConfig): Promise<string[]> {
  const database = await openConfiguredDatabase(config);
  try {
    const { rows } = await database.raw.query<{ value: string }>(
      "select value from backup_probe order by value",
    );
    return rows.map((row) => row.value);
  } finally {
    await database.close();
  }
}

/** Changes the probe table and answers what it then holds, in one opening of the database. */
async function change(config: KarvanConfig, statements: string): Promise<string[]> {
  const database = await openConfiguredDatabase(config);
  try {
    await database.raw.exec(statements);
    const { rows } = await database.raw.query<{ value: string }>(
      "select value from backup_probe order by value",
    );
    return rows.map((row) => row.value);
  } finally {
    await database.close();
  }
}

// Each step opens the embedded database from its folder again, as the CLI does: slower tests.
describe("karvan backup and restore", { timeout: 180_000 }, () => {
  let dataDir: string;
  let holder: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "karvan-backup-"));
    if (onServer) return;
    // A migrated Karvan database in the data folder, unpacked from the run's template as restore
    // unpacks a backup: migrating one from nothing here took most of the file's time.
    const database = await openDatabase({
      pgliteDir: dataPaths(configFor(dataDir)).pgdata,
      pgliteLoadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]),
    });
    await database.raw.exec(
      "create table backup_probe (value text); insert into backup_probe values ('before-1'), ('before-2');",
    );
    await database.close();
  });
  afterEach(() => {
    holder?.kill();
    holder = undefined;
    rmSync(lockFileOf(dataDir), { recursive: true, force: true });
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Another live process holding the data folder's lock, as a running `karvan serve` would. */
  function lockHeldByAnotherProcess(): number {
    holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const pid = holder.pid as number;
    mkdirSync(lockFileOf(dataDir));
    writeFileSync(
      holderFileOf(dataDir),
      JSON.stringify({ pid, command: "serve", since: new Date().toISOString() }),
    );
    return pid;
  }

  // The embedded database's tests never reach the server: the server project runs only its own.
  if (!onServer) {
    it("backs up the embedded database, and restore brings back what changed since", async () => {
      const config = configFor(dataDir);
      const lines: string[] = [];
      const backup = await backupDatabase(config, { progress: (line) => lines.push(line) });
      expect(path.dirname(backup.file)).toBe(dataPaths(config).backups);
      expect(path.basename(backup.file)).toMatch(/^karvan-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/);
      expect(backup.bytes).toBeGreaterThan(100_000);
      expect(readFileSync(backup.file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(lines.join("\n")).toContain("Copying the database");
      expect(existsSync(lockFileOf(dataDir))).toBe(false);

      expect(
        await change(
          config,
          "delete from backup_probe where value = 'before-1'; insert into backup_probe values ('after');",
        ),
      ).toEqual(["after", "before-2"]);

      await expect(
        restoreDatabase(config, backup.file, { progress: quiet, confirm: async () => false }),
      ).rejects.toThrow(/cancelled/);
      expect(await probeValues(config)).toEqual(["after", "before-2"]);

      const restored = await restoreDatabase(config, backup.file, { yes: true, progress: quiet });
      expect(await probeValues(config)).toEqual(["before-1", "before-2"]);
      expect(restored.previous).toMatch(/pgdata\.before-restore-[\dTZ-]+$/);
      expect(readdirSync(dataDir).filter((name) => name.startsWith("pgdata"))).toEqual(
        ["pgdata", path.basename(restored.previous as string)].sort(),
      );
      expect(existsSync(lockFileOf(dataDir))).toBe(false);
    });

    it("refuses a file that is not a backup, and changes nothing", async () => {
      const config = configFor(dataDir);
      const notABackup = path.join(dataDir, "notes.txt");
      writeFileSync(notABackup, "just some text, long enough to have no tar header at all");
      await expect(restoreDatabase(config, notABackup, { yes: true, progress: quiet })).rejects.toThrow(
        /not a backup/,
      );
    });

    it("refuses to back up or restore the embedded database while Karvan holds it", async () => {
      const config = configFor(dataDir);
      const pid = lockHeldByAnotherProcess();
      await expect(backupDatabase(config, { progress: quiet })).rejects.toThrow(
        new RegExp(`Karvan is running \\(process ${pid}\\).*stop Karvan first`),
      );
      const anyFile = path.join(dataDir, "backup.tar.gz");
      writeFileSync(anyFile, Buffer.from([0x1f, 0x8b, 0, 0]));
      await expect(restoreDatabase(config, anyFile, { yes: true, progress: quiet })).rejects.toThrow(
        /stop Karvan first/,
      );
      await expect(buildKarvan({ config, logger: false })).rejects.toThrow(/in use by karvan serve/);
    });

    it("takes over a lock whose process has ended", async () => {
      const config = configFor(dataDir);
      const ended = spawnSync(process.execPath, ["-e", ""]).pid;
      mkdirSync(lockFileOf(dataDir));
      writeFileSync(
        holderFileOf(dataDir),
        JSON.stringify({ pid: ended, command: "serve", since: new Date().toISOString() }),
      );
      const output = path.join(dataDir, "after-stale-lock.tar.gz");
      const result = await backupDatabase(config, { output, progress: quiet });
      expect(result.file).toBe(output);
      expect(existsSync(lockFileOf(dataDir))).toBe(false);
    });
  }

  it("passes the server connection to pg_dump in its environment, never on its command line", () => {
    expect(
      postgresEnvironment("postgres://karvan:s%40cret@db.example.org:5433/karvan_prod?sslmode=require"),
    ).toEqual({
      PGHOST: "db.example.org",
      PGPORT: "5433",
      PGUSER: "karvan",
      PGPASSWORD: "s@cret",
      PGDATABASE: "karvan_prod",
      PGSSLMODE: "require",
    });
  });

  if (onServer) {
    it("backs up a PostgreSQL server with pg_dump and restores it with pg_restore", async () => {
      const serverUrl = inject("postgresUrl") as string;
      const name = `karvan_backup_${randomBytes(5).toString("hex")}`;
      const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
      await admin.raw.query(`create database ${name}`);
      try {
        const config = configFor(dataDir, withDatabaseName(serverUrl, name));
        const database = await openConfiguredDatabase(config);
        await prepareDatabase(database);
        await database.raw.exec(
          "create table backup_probe (value text); insert into backup_probe values ('before-1'), ('before-2');",
        );
        await database.close();

        const backup = await backupDatabase(config, { progress: quiet });
        expect(path.basename(backup.file)).toMatch(/^karvan-.*\.dump$/);
        expect(readFileSync(backup.file).subarray(0, 5).toString()).toBe("PGDMP");

        await change(
          config,
          "delete from backup_probe where value = 'before-1'; insert into backup_probe values ('after');",
        );
        const restored = await restoreDatabase(config, backup.file, { yes: true, progress: quiet });
        expect(restored.users).toBe(0);
        expect(await probeValues(config)).toEqual(["before-1", "before-2"]);

        await expect(backupDatabase(config, { pgBin: "/nonexistent/bin", progress: quiet })).rejects.toThrow(
          /pg_dump was not found in \/nonexistent\/bin/,
        );
        const busy = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 });
        try {
          await busy.raw.query("select 1");
          await expect(restoreDatabase(config, backup.file, { yes: true, progress: quiet })).rejects.toThrow(
            /other session\(s\) are connected.*stop Karvan first/,
          );
        } finally {
          await busy.close();
        }
      } finally {
        // pg's pool.end() does not wait for its connections to close: let them go before dropping.
        for (let look = 0; look < 50; look++) {
          const { rows } = await admin.raw.query<{ count: number }>(
            "select count(*)::int as count from pg_stat_activity where datname = $1",
            [name],
          );
          if (rows[0]?.count === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.raw.query(`drop database if exists ${name} with (force)`);
        await admin.close();
      }
    });
  }
});
