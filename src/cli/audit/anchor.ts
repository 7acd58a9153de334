import type { Command } from "commander";
import { type AnchoringOutcome, restartAuditAnchors, systemActor } from "../../modules/access/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { DatabaseHandle } from "../../platform/db/index.js";
import { note, out, withDatabase } from "../context.js";
import { anchorText, shortHash } from "./anchor-text.js";
import { fileAnchoring, sealNow } from "./seal-now.js";

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

/** `karvan audit anchor` */
export function registerAuditAnchor(audit: Command): void {
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
