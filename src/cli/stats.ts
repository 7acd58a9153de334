import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { CaseTypeRegistry, calendarDeadlineClock } from "../modules/cases/index.js";
import { caseTypeDefinitions } from "../modules/permits/index.js";
import {
  catchUpStatistics,
  importFiles,
  listParkedCases,
  loadComparisonFigures,
  type ParallelReplay,
  parseSelection,
  readImportDirectory,
  rebuildStatistics,
  retryParkedCases,
  type StatisticsContext,
  startStatisticsProjector,
} from "../modules/statistics/index.js";
import { loadLegalCalendars } from "../platform/calendar/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
import type { DatabaseHandle } from "../platform/db/index.js";
import { note, out, withDatabase } from "./context.js";
import { replayInWorkers } from "./stats-replay-workers.js";

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function statisticsContextOf(database: DatabaseHandle, config: KarvanConfig): StatisticsContext {
  return {
    db: database.db,
    registry: new CaseTypeRegistry(caseTypeDefinitions),
    deadlines: calendarDeadlineClock(loadLegalCalendars().of(config.country)),
  };
}

/** Replay threads on a PostgreSQL server; the embedded database has one connection, so none. */
export function parallelReplayOf(database: DatabaseHandle, config: KarvanConfig): ParallelReplay | undefined {
  return database.kind === "postgres" && database.url
    ? replayInWorkers(database.url, config.country)
    : undefined;
}

async function rebuild(database: DatabaseHandle, config: KarvanConfig): Promise<void> {
  const started = Date.now();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "{phase} [{bar}] {value} | {duration_formatted}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(0, 0, { phase: "records" });
  try {
    const report = await rebuildStatistics(
      statisticsContextOf(database, config),
      ({ phase, done }) => {
        bar?.setTotal(Math.max(done, 1));
        bar?.update(done, { phase: phase === "records" ? "cases  " : "persons" });
      },
      parallelReplayOf(database, config),
    );
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(
      `Statistics rebuilt from the events in ${seconds} s: ${report.cases} cases, ${report.records} records, ` +
        `${report.persons} persons, ${report.cells} cube cells.`,
    );
  } finally {
    bar?.stop();
  }
}

export function registerStatsCommand(program: Command): void {
  const stats = program.command("stats").description("statistical records and cubes");
  stats
    .command("rebuild")
    .description(
      "recompute every statistical record and cube from the case events (and the imported records)",
    )
    .action(async () => {
      await withDatabase(rebuild);
    });
  stats
    .command("follow")
    .description(
      "keep the statistics current until stopped (Ctrl+C), as a worker beside web instances that run with " +
        "KARVAN_STATISTICS_PROJECTOR=false; PostgreSQL server only",
    )
    .action(async () => {
      await withDatabase(async (database, config) => {
        const projector = startStatisticsProjector(statisticsContextOf(database, config), {
          log: { error: (details, message) => note(`${message}: ${String(details.err)}`) },
        });
        note("Keeping the statistics current; stop with Ctrl+C.");
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await projector.stop();
      });
    });
  stats
    .command("catch-up")
    .description("project the case changes that wait for the statistics (a running Karvan does this itself)")
    .action(async () => {
      await withDatabase(async (database, config) => {
        const cases = await catchUpStatistics(statisticsContextOf(database, config));
        note(`${cases} changed case(s) projected into the statistics.`);
        const parked = await listParkedCases(database.db);
        if (parked.length > 0) note(`${parked.length} case(s) are parked: see karvan stats parked.`);
      });
    });
  stats
    .command("parked")
    .description(
      "list the cases the statistics could not process (set aside so that the others are counted); " +
        "--retry projects them again once the cause is fixed",
    )
    .argument("[case-ids...]", "only these cases (default: every parked case)")
    .option("--retry", "project the parked cases again; those that fail again stay parked")
    .action(async (caseIds: string[], options: { retry?: boolean }) => {
      await withDatabase(async (database, config) => {
        const notIds = caseIds.filter((caseId) => !CASE_ID.test(caseId));
        if (notIds.length > 0) throw new Error(`not a case id: ${notIds.join(", ")}`);
        const only = caseIds.length > 0 ? caseIds : undefined;
        if (options.retry) {
          const retry = await retryParkedCases(statisticsContextOf(database, config), {
            ...(only ? { caseIds: only } : {}),
          });
          out(`${retry.retried - retry.stillParked.length} of ${retry.retried} parked case(s) now counted.`);
          for (const item of retry.stillParked) out(`${item.caseId}  still parked: ${item.error}`);
          return;
        }
        const parked = await listParkedCases(database.db, only);
        if (parked.length === 0) {
          out("No parked cases: every case is in the statistics.");
          return;
        }
        for (const item of parked) {
          out(`${item.caseId}  ${item.parkedAt}  ${item.attempts} attempt(s)  ${item.error}`);
        }
      });
    });
  stats
    .command("load-figures")
    .description(
      "load another country's official yearly figures (SDMX-CSV or Eurostat bulk CSV) to compare with; " +
        "replaces that country's earlier figures of the indicator, all or nothing",
    )
    .argument("<file>", "SDMX-CSV 1.0/2.0 or Eurostat bulk CSV file")
    .requiredOption("--country <code>", "ISO 3166-1 alpha-2 code of the country, e.g. SE")
    .option(
      "--indicator <indicator>",
      "asylum_applicants, first_time_applicants or population",
      "asylum_applicants",
    )
    .option(
      "--select <pairs>",
      "dimension codes to take, e.g. citizen=TOTAL,sex=T,age=TOTAL,asyl_app=ASY_APP",
    )
    .option("--source <label>", 'where the figures come from, e.g. "Eurostat migr_asyappctza"')
    .action(
      async (
        file: string,
        options: { country: string; indicator: string; select?: string; source?: string },
      ) => {
        const content = await readFile(file, "utf8");
        const select = options.select ? parseSelection(options.select) : undefined;
        await withDatabase(async (database) => {
          const load = await loadComparisonFigures(
            database.db,
            { name: basename(file), content },
            {
              country: options.country,
              indicator: options.indicator,
              ...(select ? { select } : {}),
              ...(options.source ? { source: options.source } : {}),
              at: new Date(),
            },
          );
          const first = load.years[0]?.period;
          const last = load.years.at(-1)?.period;
          out(
            `Loaded ${load.years.length} year(s) of ${load.indicator} for ${load.country} (${first}–${last}) from ${load.source}.`,
          );
        });
      },
    );
}

/** A byte-count progress bar on a terminal; nothing when the output is a file or a pipe. */
function importProgressBar(): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: "checking and loading [{bar}] {percentage}% | {mb} of {totalMb} MB | {duration_formatted}",
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { mb: mb(0), totalMb: mb(total) });
        started = true;
      }
      bar.update(done, { mb: mb(done), totalMb: mb(total) });
    },
    stop: () => bar.stop(),
  };
}

async function importDirectory(dir: string, options: { importedBy: string }): Promise<void> {
  const files = await readImportDirectory(dir);
  note(`Checking ${files.length} file(s) in ${dir}…`);
  await withDatabase(async (database) => {
    const bar = importProgressBar();
    let result: Awaited<ReturnType<typeof importFiles>>;
    try {
      result = await importFiles(
        database.db,
        files,
        { importedBy: options.importedBy, at: new Date() },
        { onProgress: (done, total) => bar.update(done, total) },
      );
    } finally {
      bar.stop();
    }
    if (!result.imported) {
      for (const error of result.errors) {
        const line = error.line === null ? null : `line ${error.line}`;
        note(
          `${[error.file, line, error.field].filter(Boolean).join(", ")}: ${error.message} [${error.code}]`,
        );
      }
      throw new Error(`${result.errors.length} problem(s) found: nothing was imported`);
    }
    const { report } = result;
    out(
      `Imported ${report.persons} persons and ${report.records} records as batch ${report.batchId}; ` +
        `${report.cells} cube cells changed.`,
    );
  });
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description(
      "load a previous system's records from CSV files (docs/import-format.md): all of them, or none",
    )
    .argument("<directory>", "folder holding persons.csv, applications.csv, decisions.csv, permits.csv, …")
    .option(
      "--imported-by <name>",
      "who is loading the files (kept with the batch)",
      process.env.USER ?? "cli",
    )
    .action(async (dir: string, options: { importedBy: string }) => {
      await importDirectory(dir, options);
    });
}
