import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { buildKarvan } from "../app.js";
import { listDemoAccounts } from "../demo/index.js";
import { loadConfig } from "../platform/config/index.js";
import { note } from "./context.js";
import { seedDemo } from "./seed.js";
import { demoAccountsFile } from "./totp.js";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "start Karvan: apply migrations, load demo data in demo mode when the database is empty, serve HTTP",
    )
    .option("--no-demo-seed", "do not load demo data even in demo mode")
    .action(async (options: { demoSeed: boolean }) => {
      const started = Date.now();
      const config = loadConfig();
      const karvan = await buildKarvan({ config });
      if (config.demo && options.demoSeed) await seedDemo(karvan.database, config, { onlyIfEmpty: true });
      await karvan.server.listen({ port: config.port, host: config.host });
      await karvan.server.metrics.listen();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      note("");
      note(`Karvan is running at ${config.publicUrl}  (ready in ${seconds} s)`);
      note(
        `Database: ${karvan.database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL server"}`,
      );
      if (config.demo) {
        note("");
        note("DEMO MODE: demo data, mail goes to the outbox folder. Demo accounts (one per role):");
        const accounts = await listDemoAccounts(karvan.database.db, config.fileKey);
        writeFileSync(demoAccountsFile(config.dataDir), `${JSON.stringify(accounts, null, 2)}\n`, {
          mode: 0o600,
        });
        for (const account of accounts) {
          const mfa = account.totpSecret ? `  TOTP secret ${account.totpSecret}` : "";
          note(`  ${account.role.padEnd(19)} ${account.email.padEnd(38)} ${account.password}${mfa}`);
        }
        note("");
        note("Staff sign-in asks for a one-time code: add the TOTP secret to an authenticator app,");
        note("or print the current code with:  npx karvan totp <email>");
      }
      const stop = async (signal: string) => {
        note(`\n${signal}: stopping Karvan`);
        await karvan.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
    });
}
