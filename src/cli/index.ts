import { Command } from "commander";
import { ConfigError } from "../platform/config/index.js";
import { registerAuditCommand } from "./audit.js";
import { registerBackupCommand } from "./backup.js";
import { registerImportCommand } from "./import.js";
import { registerMigrateCommand } from "./migrate.js";
import { registerPeopleCommand } from "./people.js";
import { registerPrivacyCommand } from "./privacy.js";
import { registerRestoreCommand } from "./restore.js";
import { registerSeedCommand } from "./seed.js";
import { registerServeCommand } from "./serve.js";
import { registerStatsCommand } from "./stats.js";
import { registerTotpCommand } from "./totp.js";
import { registerUsersCommand } from "./users.js";

const program = new Command()
  .name("karvan")
  .description("Karvan: migration management platform")
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerSeedCommand(program);
registerUsersCommand(program);
registerAuditCommand(program);
registerTotpCommand(program);
registerBackupCommand(program);
registerRestoreCommand(program);
registerStatsCommand(program);
registerImportCommand(program);
registerPrivacyCommand(program);
registerPeopleCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof ConfigError ? error.message : `karvan: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
