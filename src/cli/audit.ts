import cliProgress from "cli-progress";
import type { Command } from "commander";
import {
  type AuditProblem,
  type AuditVerificationReport,
  recordVerification,
  sealPendingRecords,
  systemActor,
  verifyAuditTrail,
} from "../modules/access/index.js";
import type { DatabaseHandle } from "../platform/db/index.js";
import { note, out, withDatabase } from "./context.js";

/** Below this many ids a progress bar would only flicker. */
const progressBarFrom = 20_000;

const problemText: Record<AuditProblem["kind"], (id: number) => string> = {
  altered_record: (id) => `altered record ${id}: its content no longer matches its seal`,
  removed_record: (id) => `removed record ${id}: it was sealed and is gone`,
  inserted_record: (id) => `inserted record ${id}: it was put into the sealed part of the trail`,
  seal_altered: (id) => `chain broken at record ${id}: its seal was altered`,
  seal_missing: (id) => `chain broken at record ${id}: its seal is missing`,
  record_or_seal_altered: (id) =>
    `altered record ${id} or a seal next to it: the record does not fit the chain here`,
};

function progressBar(label: string, total: number): cliProgress.SingleBar | null {
  if (total < progressBarFrom || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ids`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

async function sealNow(database: DatabaseHandle, auditKey: string, timeoutSeconds: number) {
  let bar: cliProgress.SingleBar | null = null;
  let started = false;
  const result = await sealPendingRecords(
    { db: database.db, auditKey },
    {
      timeoutMs: timeoutSeconds * 1000,
      onProgress: ({ sealedUpTo, target }) => {
        if (!started) {
          started = true;
          bar = progressBar("sealing  ", target);
        }
        bar?.update(Math.min(sealedUpTo, target));
      },
    },
  );
  (bar as cliProgress.SingleBar | null)?.stop();
  note(
    `Sealed ${result.sealedRecords} records and ${result.sealedGaps} unused ids; the chain reaches record ${result.sealedUpTo}.`,
  );
  if (result.remaining > 0) {
    note(
      `${result.remaining} records are still unsealed: id ${result.waitingFor} may belong to a transaction ` +
        "that is still running. The background sealer will seal them once it has ended.",
    );
  }
  return result;
}

function printReport(report: AuditVerificationReport): void {
  out(`Records checked:   ${report.checkedRecords} (${report.checkedIds} ids, unused ids included)`);
  out(`Sealed up to id:   ${report.sealedUpTo}`);
  out(`Not yet sealed:    ${report.pending}`);
  out(`Head hash:         ${report.headHash ?? "none (nothing sealed yet)"}`);
  out(`Problems:          ${report.problemCount}`);
  for (const problem of report.problems) out(`  - ${problemText[problem.kind](problem.recordId)}`);
  if (report.problemCount > report.problems.length) {
    out(`  ... and ${report.problemCount - report.problems.length} more`);
  }
  out(report.ok ? "The audit chain is intact." : "THE AUDIT CHAIN IS BROKEN: see the problems above.");
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit trail");

  audit
    .command("verify")
    .description(
      "recompute the hash chain and name every altered, removed or inserted record (exit code 1 on any problem)",
    )
    .option("--seal-first", "seal every pending record before verifying")
    .option("--timeout <seconds>", "with --seal-first: how long to wait for running transactions", "30")
    .action(async (options: { sealFirst?: boolean; timeout: string }) => {
      const report = await withDatabase(async (database, config) => {
        if (options.sealFirst) await sealNow(database, config.auditKey, Number(options.timeout));
        let bar: cliProgress.SingleBar | null = null;
        let started = false;
        const result = await verifyAuditTrail(
          { db: database.db, auditKey: config.auditKey },
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
      printReport(report);
      if (!report.ok) process.exitCode = 1;
    });

  audit
    .command("seal")
    .description("seal every audit record written so far (the server's background sealer does this too)")
    .option("--timeout <seconds>", "how long to wait for transactions that are still running", "30")
    .action(async (options: { timeout: string }) => {
      const result = await withDatabase((database, config) =>
        sealNow(database, config.auditKey, Number(options.timeout)),
      );
      out(`Sealed up to id ${result.sealedUpTo}; ${result.remaining} records still waiting.`);
      if (result.remaining > 0) process.exitCode = 1;
    });
}
