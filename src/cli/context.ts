import { openConfiguredDatabase, prepareDatabase } from "../app.js";
import { type KarvanConfig, loadConfig } from "../platform/config/index.js";
import type { DatabaseHandle } from "../platform/db/index.js";

/** Output of CLI commands: results to stdout, progress and problems to stderr. */
export const out = (line = "") => process.stdout.write(`${line}\n`);
export const note = (line = "") => process.stderr.write(`${line}\n`);

/** Opens and migrates the configured database for one command, and always closes it. */
export async function withDatabase<T>(
  work: (database: DatabaseHandle, config: KarvanConfig) => Promise<T>,
  config: KarvanConfig = loadConfig(),
): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
