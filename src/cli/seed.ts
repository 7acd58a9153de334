import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { seedDemoUsers } from "../modules/access/index.js";
import { systemClock } from "../platform/clock/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
import { type DatabaseHandle, queryRows } from "../platform/db/index.js";
import { note, withDatabase } from "./context.js";

/** Loads every module's demo data. Refused outside demo mode: demo accounts have known passwords. */
export async function seedDemo(
  database: DatabaseHandle,
  config: KarvanConfig,
  options: { onlyIfEmpty: boolean },
): Promise<boolean> {
  if (!config.demo)
    throw new Error("demo data can only be loaded in demo mode (KARVAN_DEMO=true, never in production)");
  if (options.onlyIfEmpty) {
    const [row] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from users`,
    );
    if ((row?.count ?? 0) > 0) return false;
  }
  const started = Date.now();
  await seedDemoUsers(database.db, systemClock, config.fileKey);
  note(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export function registerSeedCommand(program: Command): void {
  program
    .command("seed")
    .description("load demo data (demo mode only)")
    .requiredOption("--demo", "load the demo data set")
    .action(async () => {
      await withDatabase(async (database, config) => {
        await seedDemo(database, config, { onlyIfEmpty: false });
      });
    });
}
