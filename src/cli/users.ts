import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { createUser, systemActor } from "../modules/access/index.js";
import { systemClock } from "../platform/clock/index.js";
import { DomainError } from "../platform/errors/index.js";
import { out, withDatabase } from "./context.js";

async function askPassword(): Promise<string> {
  if (process.env.KARVAN_NEW_PASSWORD) return process.env.KARVAN_NEW_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("no terminal to ask for the password: set KARVAN_NEW_PASSWORD");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question("Password (12+ characters, not a common one): ");
  } finally {
    terminal.close();
  }
}

export function registerUsersCommand(program: Command): void {
  const users = program.command("users").description("manage user accounts");
  users
    .command("create")
    .description(
      "create an account (staff: give --agency; the password is asked, or read from KARVAN_NEW_PASSWORD)",
    )
    .requiredOption("--email <email>", "e-mail address, also the sign-in name")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--role <role...>", "role codes, e.g. administrator case_officer")
    .option("--agency <code>", "agency code for staff, e.g. SMS")
    .option("--public", "a public account (applicant, host/employer) instead of staff")
    .action(
      async (options: { email: string; name: string; role: string[]; agency?: string; public?: boolean }) => {
        const password = await askPassword();
        await withDatabase(async (database) => {
          try {
            const { id } = await createUser(
              { db: database.db, clock: systemClock, actor: systemActor },
              {
                email: options.email,
                fullName: options.name,
                password,
                kind: options.public ? "public" : "staff",
                agency: options.agency,
                roles: options.role,
                status: "active",
              },
            );
            out(
              `Created ${options.email} (${id}). Staff set up multi-factor sign-in at their first sign-in.`,
            );
          } catch (error) {
            if (error instanceof DomainError) throw new Error(`cannot create the account: ${error.code}`);
            throw error;
          }
        });
      },
    );
}
