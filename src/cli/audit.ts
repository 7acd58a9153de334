import cliProgress from "cli-progress";
import type { Command } from "commander";
import {
  type AnchorCheck,
  type AnchoringOutcome,
  type AuditAnchor,
  AuditAnchoring,
  type AuditProblem,
  type AuditVerificationReport,
  parseAnchorLine,
  recordVerification,
  restartAuditAnchors,
  sealPendingRecords,
  systemActor,
  verifyAuditTrail,
} from "../modules/access/index.js";
import type { KarvanConfig } from "../platform/config/index.js";
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

/**
 * The command line anchors in the file only: e-mail goes through the running service's queue,
 * which mails the latest anchor on its next sealing pass anyway.
 */
function fileAnchoring(database: DatabaseHandle, config: KarvanConfig): AuditAnchoring {
  return new AuditAnchoring({
    db: database.db,
    auditKey: config.auditKey,
    settings: { file: config.auditAnchorFile, mailTo: null, mailIntervalMs: 0 },
  });
}

function describeAnchoring(outcome: AnchoringOutcome | null): void {
  if (outcome?.state === "anchored") {
    note(`Anchored the chain's head (record ${outcome.anchor.sequence}) outside the database.`);
  }
  if (outcome?.state === "refused") {
    note(
      `Not anchored: the chain no longer holds its last anchor (record ${outcome.anchor.sequence}, ` +
        `${outcome.anchor.at}). Run karvan audit verify.`,
    );
  }
}

async function sealNow(
  database: DatabaseHandle,
  config: KarvanConfig,
  timeoutSeconds: number,
  anchoring = fileAnchoring(database, config),
) {
  let bar: cliProgress.SingleBar | null = null;
  let started = false;
  const result = await sealPendingRecords(
    { db: database.db, auditKey: config.auditKey },
    {
      anchoring,
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

const shortHash = (hash: string | null) => (hash ? `${hash.slice(0, 16)}…` : "no seal");

/** The anchor check in words; true when it is only a warning or fine. */
function anchorText(check: AnchorCheck): string {
  const anchor = check.anchor as AuditAnchor;
  switch (check.state) {
    case "matches":
      return `The chain holds the latest anchor (record ${anchor.sequence}, written ${anchor.at}): nothing before it was cut off or rewritten.`;
    case "cut_off":
      return (
        `THE END OF THE TRAIL WAS CUT OFF: record ${anchor.sequence} was anchored at ${anchor.at}, ` +
        `but the chain ends at record ${check.sealedUpTo}.`
      );
    case "rewritten":
      return (
        `THE CHAIN WAS REWRITTEN: at record ${anchor.sequence} the anchor of ${anchor.at} has hash ` +
        `${shortHash(anchor.hash)}, the chain ${shortHash(check.foundHash)}.`
      );
    case "forged":
      return `THE ANCHOR FILE HOLDS ${check.forgedLines} FORGED LINES: their MAC is not the audit key's.`;
    case "file_unreadable":
      return `THE ANCHOR FILE CANNOT BE READ: ${check.readError}. Nothing can be compared with it.`;
    case "missing":
      return (
        "Warning: the chain has sealed records but no anchor: a cut-off end cannot be detected. " +
        "karvan audit anchor writes one."
      );
    case "none":
      return "No anchor yet: nothing is sealed.";
    case "not_configured":
      return (
        "Warning: no anchor file (KARVAN_AUDIT_ANCHOR_FILE=off): a cut-off end cannot be detected. " +
        "Pass the anchor from the auditor's latest e-mail with --anchor."
      );
  }
}

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

/** `karvan audit anchor`: seals what is pending, then anchors the head (in a new file if asked). */
async function anchorNow(
  database: DatabaseHandle,
  config: KarvanConfig,
  options: { startNewFile?: boolean; timeout: string },
): Promise<{ outcome: AnchoringOutcome; sealedUpTo: number }> {
  const file = config.auditAnchorFile;
  if (!file) throw new Error("KARVAN_AUDIT_ANCHOR_FILE is off: there is no anchor file to write");
  if (options.startNewFile) {
    const restart = await restartAuditAnchors({
      db: database.db,
      auditKey: config.auditKey,
      file,
      actor: systemActor,
    });
    note(`The previous anchors: ${anchorText(restart.previous)}`);
    note(restart.setAside ? `Set aside as ${restart.setAside}.` : "There was no anchor file.");
  }
  const anchoring = fileAnchoring(database, config);
  const sealed = await sealNow(database, config, Number(options.timeout), anchoring);
  // Nothing sealed by this command: the head as it is.
  const outcome = sealed.anchoring ?? (await anchoring.anchorCurrentHead());
  return { outcome, sealedUpTo: sealed.sealedUpTo };
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit trail");

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

  audit
    .command("seal")
    .description("seal every audit record written so far (the server's background sealer does this too)")
    .option("--timeout <seconds>", "how long to wait for transactions that are still running", "30")
    .action(async (options: { timeout: string }) => {
      const result = await withDatabase((database, config) =>
        sealNow(database, config, Number(options.timeout)),
      );
      describeAnchoring(result.anchoring);
      out(`Sealed up to id ${result.sealedUpTo}; ${result.remaining} records still waiting.`);
      if (result.remaining > 0 || result.anchoring?.state === "refused") process.exitCode = 1;
    });

  audit
    .command("anchor")
    .description("seal pending records and anchor the chain's head in the anchor file now")
    .option(
      "--start-new-file",
      "after restoring a backup: set the anchor file aside (renamed, kept) and start a new one; recorded in the trail",
    )
    .option("--timeout <seconds>", "how long to wait for transactions that are still running", "30")
    .action(async (options: { startNewFile?: boolean; timeout: string }) => {
      const { outcome, sealedUpTo } = await withDatabase((database, config) =>
        anchorNow(database, config, options),
      );
      if (outcome.state === "anchored") {
        out(`Anchored record ${outcome.anchor.sequence} (hash ${shortHash(outcome.anchor.hash)}).`);
      } else if (outcome.state === "unchanged") {
        out(
          sealedUpTo === 0
            ? "Nothing is sealed yet: there is nothing to anchor."
            : "The latest anchor already holds the chain's head.",
        );
      } else if (outcome.state === "refused") {
        out(
          `Not anchored: the chain no longer holds its last anchor (record ${outcome.anchor.sequence}, ` +
            `${outcome.anchor.at}). karvan audit verify tells why; after restoring a backup, use --start-new-file.`,
        );
        process.exitCode = 1;
      }
    });
}
