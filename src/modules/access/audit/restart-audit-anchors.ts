import { rename } from "node:fs/promises";
import path from "node:path";
import type { Queryable } from "../../../platform/db/index.js";
import type { AuditActor } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import { type AnchorCheck, checkAuditAnchor } from "./check-audit-anchor.js";

export interface AnchorRestart {
  /** Where the previous anchor file now is; null when there was none. */
  setAside: string | null;
  /** The previous file's latest anchor against the chain, as it was found. */
  previous: AnchorCheck;
}

/**
 * Starts a new anchor file, for when the chain rightly no longer holds the latest anchor: a
 * database backup was restored, and the records written after it are gone. The old file is
 * renamed, never deleted (it proves what was lost), and the restart goes into the trail itself,
 * so that the new file's first anchor covers it.
 */
export async function restartAuditAnchors(context: {
  db: Queryable;
  auditKey: string;
  file: string;
  actor: AuditActor;
  now?: Date;
}): Promise<AnchorRestart> {
  const previous = await checkAuditAnchor(context, { file: context.file });
  let setAside: string | null = null;
  if (previous.state !== "none" && previous.state !== "missing") {
    const stamp = (context.now ?? new Date())
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-");
    const parsed = path.parse(context.file);
    setAside = path.join(parsed.dir, `${parsed.name}.until-${stamp}${parsed.ext}`);
    await rename(context.file, setAside);
  }
  await recordAudit(context.db, {
    actor: context.actor,
    action: "audit.anchors_restarted",
    outcome: "success",
    entityType: "audit_trail",
    details: {
      setAside: setAside ? path.basename(setAside) : null,
      previousState: previous.state,
      previousAnchoredUpTo: previous.anchor?.sequence ?? null,
      sealedUpTo: previous.sealedUpTo,
    },
  });
  return { setAside, previous };
}
