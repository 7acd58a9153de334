import type { Command } from "commander";
import { registerAuditAnchor } from "./audit/anchor.js";
import { registerAuditSeal } from "./audit/seal.js";
import { registerAuditVerify } from "./audit/verify.js";

/** `karvan audit`: one file per subcommand in ./audit/. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit trail");
  registerAuditVerify(audit);
  registerAuditSeal(audit);
  registerAuditAnchor(audit);
}
