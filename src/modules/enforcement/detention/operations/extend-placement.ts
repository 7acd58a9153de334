import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import type { StoredDocument } from "../../../../platform/files/index.js";
import { auditDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { NewExtension } from "../detention-forms.js";
import { insertExtension, setPermittedUntil } from "../detention-repository.js";
import { checkExtension } from "../time-limits.js";
import { changeRunningPlacement } from "./placement-to-change.js";

/**
 * Records an extension ordered by a decision (its document already stored): the new last day must
 * be later than the current one, within one extension's length and never beyond the maximum total
 * (refused with 422 naming the limit).
 */
export async function extendPlacement(
  context: DetentionContext,
  placementId: string,
  extension: NewExtension,
  document: { stored: StoredDocument; declaredName: string },
): Promise<void> {
  await changeRunningPlacement(context, placementId, async (tx, placement, userId) => {
    if (extension.newUntil <= placement.permittedUntil) {
      throw new DomainError("detention_extension_not_later", 422, "detention.errors.extensionNotLater", {
        permittedUntil: placement.permittedUntil,
      });
    }
    checkExtension(context.law, placement, extension.newUntil);
    await insertExtension(tx, {
      id: randomUUID(),
      placementId,
      previousUntil: placement.permittedUntil,
      newUntil: extension.newUntil,
      decisionReference: extension.decisionReference,
      decidedBy: extension.decidedBy,
      decidedOn: extension.decidedOn,
      documentId: document.stored.id,
      documentName: document.declaredName,
      documentSha256: document.stored.sha256,
      recordedBy: userId,
      recordedAt: context.clock.now(),
    });
    await setPermittedUntil(tx, placementId, extension.newUntil);
    await auditDetention(context, tx, "detention_placement.extended", {
      entityType: "detention_placement",
      entityId: placementId,
      details: { from: placement.permittedUntil, to: extension.newUntil },
    });
  });
}
