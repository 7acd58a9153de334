import cliProgress from "cli-progress";
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { statisticsContextOf } from "../composition-root.js";
import {
  casesPerScale,
  seedDemoCaseload,
  seedDemoConsultation,
  seedDemoDetentionCentres,
  seedDemoHistory,
  seedDemoPolicyIndicators,
  seedDemoResearchLibrary,
  seedDemoStrategy,
  seedDemoUsers,
} from "../demo/index.js";
import { registerThresholdsOf } from "../modules/people/index.js";
import { systemClock } from "../platform/clock/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
import { type DatabaseHandle, queryRows } from "../platform/db/index.js";
import { createLocalDocuments } from "../platform/files/index.js";
import { note, withDatabase } from "./context.js";

/**
 * Loads every module's demo data: the demo accounts, then a caseload of `scale` × 1000 cases.
 * Refused outside demo mode: demo accounts have known passwords.
 */
export async function seedDemo(
  database: DatabaseHandle,
  config: KarvanConfig,
  options: { onlyIfEmpty: boolean; scale?: number },
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
  await seedDemoDetentionCentres(database.db, systemClock);
  await seedDemoPolicyIndicators(database.db, systemClock);
  await seedDemoStrategy(database.db, systemClock);
  await seedDemoConsultation(database.db, systemClock);
  await seedDemoResearchLibrary(database.db, systemClock);
  const scale = options.scale ?? 1;
  const total = Math.max(1, Math.round(casesPerScale * scale));
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: "Demo cases [{bar}] {percentage}% | {value}/{total} | {duration_formatted}",
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0);
  let reported = 0;
  try {
    const report = await seedDemoCaseload({
      ...statisticsContextOf(database),
      clock: systemClock,
      country: config.country,
      scale,
      documents: createLocalDocuments(config, systemClock),
      // A server writes several batches at once; the embedded database has one connection.
      writers: database.kind === "postgres" ? 3 : 1,
      registerThresholds: registerThresholdsOf(config),
      onProgress: (done) => {
        bar?.update(done);
        if (!bar && done - reported >= Math.max(10_000, total / 10)) {
          reported = done;
          note(`  ${done}/${total} demo cases`);
        }
      },
    });
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    note(
      `Demo data loaded in ${seconds} s: ${report.cases} cases (${report.events} events), ${report.people} people.`,
    );
    note(`Demo population: ${report.populationSource}.`);
    const history = await seedDemoHistory(database.db, { scale, at: systemClock.now() });
    note(
      `Demo history of an earlier system (made up, for the asylum and return statistics): ${history.records} records.`,
    );
  } finally {
    bar?.stop();
  }
  return true;
}

export function registerSeedCommand(program: Command): void {
  program
    .command("seed")
    .description("load demo data (demo mode only)")
    .requiredOption("--demo", "load the demo data set")
    .option(
      "--scale <n>",
      `size of the demo caseload: ${casesPerScale} cases per unit (1 loads in seconds, 1000 is a million cases)`,
      "1",
    )
    .action(async (options: { scale: string }) => {
      const scale = Number(options.scale);
      if (!Number.isFinite(scale) || scale <= 0) throw new Error("--scale must be a positive number");
      await withDatabase(async (database, config) => {
        await seedDemo(database, config, { onlyIfEmpty: false, scale });
      });
    });
}
