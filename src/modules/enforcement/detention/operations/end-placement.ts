import { DomainError } from "../../../../platform/errors/index.js";
import { auditDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { PlacementEnd } from "../detention-forms.js";
import { markPlacementEnded } from "../detention-repository.js";
import { changeRunningPlacement } from "./placement-to-change.js";

/** Ends a stay by release or removal, with its written record; the day may not precede the start. */
export async function endPlacement(context: DetentionContext, placementId: string, end: PlacementEnd) {
  await changeRunningPlacement(context, placementId, async (tx, placement, userId) => {
    if (end.endedOn < placement.startDate) {
      throw new DomainError("detention_end_before_start", 422, "detention.errors.endBeforeStart");
    }
    await markPlacementEnded(tx, placementId, {
      status: end.endKind,
      on: end.endedOn,
      record: end.endRecord,
      by: userId,
    });
    await auditDetention(context, tx, `detention_placement.${end.endKind}`, {
      entityType: "detention_placement",
      entityId: placementId,
      details: { endedOn: end.endedOn, overstayed: end.endedOn > placement.permittedUntil },
    });
  });
}
