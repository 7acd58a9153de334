import type { Command } from "commander";
import { note, withDatabase } from "./context.js";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations and reference data, then exit")
    .action(async () => {
      await withDatabase(async (database) => {
        note(`Migrations applied (${database.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}).`);
      });
    });
}
