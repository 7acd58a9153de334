import type { Command } from "commander";
import { type ExpiryReport, expireRecords } from "../modules/privacy/index.js";
import { type Clock, systemClock } from "../platform/clock/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
import type { DatabaseHandle } from "../platform/db/index.js";
import { out, servicesFor, withDatabase } from "./context.js";

function printReport(report: ExpiryReport): void {
  const would = report.dryRun ? "due now (dry run, nothing changed)" : "done";
  out(`Retention run at ${report.at}: ${would}`);
  if (!report.dryRun) out(`  drafts: applicants warned             ${report.draftsWarned}`);
  out(`  drafts removed                        ${report.draftsRemoved}`);
  out(`  accounts never confirmed, removed     ${report.unverifiedAccountsRemoved}`);
  out(`  decided and closed cases anonymised   ${report.casesAnonymised}`);
  out(`  cases whose documents were removed    ${report.caseDocumentsRemoved}`);
  out(`  consultation commenters removed       ${report.consultationCommentersRemoved}`);
}

/**
 * Runs the retention rules once, as the daily job does, through the same composition root (with
 * no background work of its own). The e-mails go out through the configured mail transport.
 */
export async function runExpiry(
  database: DatabaseHandle,
  config: KarvanConfig,
  dryRun: boolean,
  clock: Clock = systemClock,
): Promise<ExpiryReport> {
  const services = await servicesFor(database, config, { clock });
  return expireRecords(services.retention, { dryRun });
}

export function registerPrivacyCommand(program: Command): void {
  const privacy = program.command("privacy").description("retention of personal data");
  privacy
    .command("expire")
    .description("remove or anonymise the records whose retention period has run out (docs/retention.md)")
    .option("--dry-run", "count what is due now, change nothing and tell nobody")
    .action(async (options: { dryRun?: boolean }) => {
      const report = await withDatabase((database, config) =>
        runExpiry(database, config, Boolean(options.dryRun)),
      );
      printReport(report);
    });
}
