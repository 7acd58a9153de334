import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { currentTotpCode, readMfaSecret } from "../modules/access/index.js";
import { systemClock } from "../platform/clock/index.js";
import { queryRows } from "../platform/db/index.js";
import { out, withDatabase } from "./context.js";

export function registerTotpCommand(program: Command): void {
  program
    .command("totp")
    .description("demo mode only: print the current one-time sign-in code of a demo staff account")
    .argument("<email>", "e-mail address of the account")
    .action(async (email: string) => {
      await withDatabase(async (database, config) => {
        if (!config.demo)
          throw new Error("karvan totp works only in demo mode: real accounts use their own authenticator");
        const [user] = await queryRows<{ id: string }>(
          database.db,
          sql`select id from users where lower(email) = ${email.trim().toLowerCase()}`,
        );
        if (!user) throw new Error(`no account with the e-mail address ${email}`);
        const secret = await readMfaSecret(database.db, config.fileKey, user.id);
        if (!secret) throw new Error(`${email} has not set up multi-factor sign-in`);
        const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
        out(`${await currentTotpCode(secret, systemClock)}   (valid for ${seconds} more seconds)`);
      });
    });
}
