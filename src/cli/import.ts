import type { Command } from "commander";
import { importFiles, readImportDirectory } from "../modules/statistics/index.js";
import { note, out, withDatabase } from "./context.js";
import { linkImportBatchToRegister, linkingSummary, personProgressBar } from "./import-persons.js";
import { byteProgressBar } from "./progress-bar.js";

async function importDirectory(dir: string, options: { importedBy: string }): Promise<void> {
  const files = await readImportDirectory(dir);
  note(`Checking ${files.length} file(s) in ${dir}…`);
  await withDatabase(async (database) => {
    const bar = byteProgressBar("checking and loading");
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
    // A step of its own, after the import committed: the import stays as fast, the register catches up.
    const persons = personProgressBar("linking persons to the register");
    let linking: Awaited<ReturnType<typeof linkImportBatchToRegister>>;
    try {
      linking = await linkImportBatchToRegister(database.db, report.batchId, files, persons.update);
    } finally {
      persons.stop();
    }
    out(linkingSummary(linking));
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
