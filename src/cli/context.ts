import {
  buildServices,
  openConfiguredDatabase,
  prepareDatabase,
  type Services,
  selectCountry,
} from "../composition-root.js";
import type { Clock } from "../platform/clock/index.js";
import { type KarvanConfig, loadConfig } from "../platform/config/index.js";
import { acquireDataDirLock, DataDirLockedError } from "../platform/db/data-dir-lock.js";
import type { DatabaseHandle } from "../platform/db/index.js";

/** Output of CLI commands: results to stdout, progress and problems to stderr. */
export const out = (line = "") => process.stdout.write(`${line}\n`);
export const note = (line = "") => process.stderr.write(`${line}\n`);

/**
 * Opens and migrates the configured database for one command, and always closes it. The embedded
 * database may be open in one process only, so a command refuses while Karvan runs on it.
 */
export async function withDatabase<T>(
  work: (database: DatabaseHandle, config: KarvanConfig) => Promise<T>,
  config: KarvanConfig = loadConfig(),
): Promise<T> {
  selectCountry(config);
  let lock: { release(): void } | undefined;
  if (!config.databaseUrl) {
    try {
      lock = acquireDataDirLock(config.dataDir, "cli");
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      throw new Error(
        `${error.message}. The embedded database can be open in one process only: stop Karvan, run this ` +
          "command, then start Karvan again (on a PostgreSQL server, commands run beside a running Karvan).",
      );
    }
  }
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await prepareDatabase(database);
      return await work(database, config);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}

/**
 * Every module, built by the composition root on the command's database, for commands that run
 * business operations. Jobs are not queued: a job the work sends runs at once, in the command.
 */
export function servicesFor(
  database: DatabaseHandle,
  config: KarvanConfig,
  options: { clock?: Clock } = {},
): Promise<Services> {
  return buildServices(database, { ...config, jobs: false }, { clock: options.clock });
}
