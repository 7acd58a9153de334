import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { DemoAccount } from "../demo/index.js";
import { currentTotpCode } from "../modules/access/index.js";
import { systemClock } from "../platform/clock/index.js";
import { loadConfig } from "../platform/config/index.js";
import { out } from "./context.js";

/** Written by `karvan serve` in demo mode, so that codes can be printed while the server holds the database. */
export function demoAccountsFile(dataDir: string): string {
  return path.join(dataDir, "demo-accounts.json");
}

const base32Secret = /^[A-Z2-7]{16,}$/;

function secretFor(emailOrSecret: string, dataDir: string): string {
  const compact = emailOrSecret.replace(/\s+/g, "").toUpperCase();
  if (base32Secret.test(compact)) return compact;
  const file = demoAccountsFile(dataDir);
  if (!existsSync(file))
    throw new Error(`no demo accounts in ${dataDir}: start Karvan in demo mode first (npm start)`);
  const accounts = JSON.parse(readFileSync(file, "utf8")) as DemoAccount[];
  const account = accounts.find((one) => one.email === emailOrSecret.trim().toLowerCase());
  if (!account) throw new Error(`${emailOrSecret} is not a demo account`);
  if (!account.totpSecret)
    throw new Error(`${emailOrSecret} is a public account: it signs in without a code`);
  return account.totpSecret;
}

export function registerTotpCommand(program: Command): void {
  program
    .command("totp")
    .description("demo mode only: print the current one-time sign-in code of a demo staff account")
    .argument("<email-or-secret>", "e-mail address of a demo staff account, or a TOTP secret")
    .action(async (emailOrSecret: string) => {
      const config = loadConfig();
      if (!config.demo)
        throw new Error("karvan totp works only in demo mode: real accounts use their own authenticator");
      const secret = secretFor(emailOrSecret, config.dataDir);
      const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
      out(`${await currentTotpCode(secret, systemClock)}   (valid for ${seconds} more seconds)`);
    });
}
