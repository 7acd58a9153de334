import cliProgress from "cli-progress";
import type { Command } from "commander";
import { importFiles, readImportDirectory } from "../modules/statistics/index.js";
import { note, out, withDatabase } from "./context.js";

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
