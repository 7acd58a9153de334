import type cliProgress from "cli-progress";
import type { Command } from "commander";
import {
  type AnchorCheck,
  type AuditAnchor,
  type AuditProblem,
  type AuditVerificationReport,
  parseAnchorLine,
  recordVerification,
  systemActor,
  verifyAuditTrail,
} from "../../modules/access/index.js";
import { out, withDatabase } from "../context.js";
import { anchorText } from "./anchor-text.js";
import { progressBar } from "./progress-bar.js";
import { describeAnchoring, sealNow } from "./seal-now.js";

const problemText: Record<AuditProblem["kind"], (id: number) => string> = {
  altered_record: (id) => `altered record ${id}: its content no longer matches its seal`,
  removed_record: (id) => `removed record ${id}: it was sealed and is gone`,
  inserted_record: (id) => `inserted record ${id}: it was put into the sealed part of the trail`,
  seal_altered: (id) => `chain broken at record ${id}: its seal was altered`,
  seal_missing: (id) => `chain broken at record ${id}: its seal is missing`,
  record_or_seal_altered: (id) =>
    `altered record ${id} or a seal next to it: the record does not fit the chain here`,
};

function printAnchor(check: AnchorCheck, file: string | null, given: boolean): void {
  out(
    `Anchor:            ${given ? "given with --anchor" : (file ?? "none (KARVAN_AUDIT_ANCHOR_FILE=off)")}`,
  );
  if (check.anchor) out(`Anchored up to id: ${check.anchor.sequence} (${check.anchor.at})`);
  out(anchorText(check));
  if (check.unreadableLines > 0) {
    out(
      `Warning: ${check.unreadableLines} lines at the end of the anchor file are not anchors (a write cut short?).`,
    );
  }
}

/** An anchor line from the auditor's e-mail; one whose MAC does not fit is refused. */
function givenAnchor(line: string | undefined, auditKey: string): AuditAnchor | undefined {
  if (line === undefined) return undefined;
  const parsed = parseAnchorLine(auditKey, line.trim());
  if (parsed.kind === "unreadable")
    throw new Error("--anchor: not an anchor line (copy the whole {...} line)");
  if (parsed.kind === "forged") throw new Error("--anchor: this anchor was not written with this audit key");
  return parsed.anchor;
}

function printReport(report: AuditVerificationReport, anchorFile: string | null, given: boolean): void {
  out(`Records checked:   ${report.checkedRecords} (${report.checkedIds} ids, unused ids included)`);
  out(`Sealed up to id:   ${report.sealedUpTo}`);
  out(`Not yet sealed:    ${report.pending}`);
  out(`Head hash:         ${report.headHash ?? "none (nothing sealed yet)"}`);
  out(`Problems:          ${report.problemCount}`);
  for (const problem of report.problems) out(`  - ${problemText[problem.kind](problem.recordId)}`);
  if (report.problemCount > report.problems.length) {
    out(`  ... and ${report.problemCount - report.problems.length} more`);
  }
  if (report.anchor) printAnchor(report.anchor, anchorFile, given);
  out(report.ok ? "The audit chain is intact." : "THE AUDIT CHAIN IS BROKEN: see above.");
}

/** `karvan audit verify` */
export function registerAuditVerify(audit: Command): void {
  audit
    .command("verify")
    .description(
      "recompute the hash chain, name every altered, removed or inserted record, and check the chain " +
        "against its latest anchor outside the database (exit code 1 on any problem)",
    )
    .option("--seal-first", "seal every pending record before verifying")
    .option("--timeout <seconds>", "with --seal-first: how long to wait for running transactions", "30")
    .option(
      "--anchor <line>",
      "check against this anchor (a line of the auditor's anchor e-mail) instead of the file",
    )
    .action(async (options: { sealFirst?: boolean; timeout: string; anchor?: string }) => {
      let anchorFile: string | null = null;
      const report = await withDatabase(async (database, config) => {
        anchorFile = config.auditAnchorFile;
        const given = givenAnchor(options.anchor, config.auditKey);
        if (options.sealFirst)
          describeAnchoring((await sealNow(database, config, Number(options.timeout))).anchoring);
        let bar: cliProgress.SingleBar | null = null;
        let started = false;
        const result = await verifyAuditTrail(
          { db: database.db, auditKey: config.auditKey, anchors: { file: config.auditAnchorFile, given } },
          {
            onProgress: ({ checkedIds, sealedUpTo }) => {
              if (!started) {
                started = true;
                bar = progressBar("verifying", sealedUpTo);
              }
              bar?.update(checkedIds);
            },
          },
        );
        (bar as cliProgress.SingleBar | null)?.stop();
        await recordVerification({ db: database.db, actor: systemActor }, result);
        return result;
      });
      printReport(report, anchorFile, options.anchor !== undefined);
      if (!report.ok) process.exitCode = 1;
    });
}
