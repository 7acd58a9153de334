import type cliProgress from "cli-progress";
import { type AnchoringOutcome, AuditAnchoring, sealPendingRecords } from "../../modules/access/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { DatabaseHandle } from "../../platform/db/index.js";
import { note } from "../context.js";
import { progressBar } from "./progress-bar.js";

/**
 * The command line anchors in the file only: e-mail goes through the running service's queue,
 * which mails the latest anchor on its next sealing pass anyway.
 */
export function fileAnchoring(database: DatabaseHandle, config: KarvanConfig): AuditAnchoring {
  return new AuditAnchoring({
    db: database.db,
    auditKey: config.auditKey,
    settings: { file: config.auditAnchorFile, mailTo: null, mailIntervalMs: 0 },
  });
}

export function describeAnchoring(outcome: AnchoringOutcome | null): void {
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

export async function sealNow(
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
