import type { Queryable } from "../../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import { authorizeDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { Placement } from "../detention-records.js";
import { findPlacement } from "../detention-repository.js";

/** A placement the officer may see: unknown or of another agency answers 404 (the refusal audited). */
export async function authorizedPlacement(
  context: DetentionContext,
  placementId: string,
): Promise<{ placement: Placement; userId: string }> {
  const placement = await findPlacement(context.db, placementId);
  if (!placement) throw new NotFoundError("detention_placement_not_found");
  const userId = await authorizeDetention(context, placement);
  return { placement, userId };
}

/**
 * Changes a running placement in one transaction, the placement locked so that two changes of one
 * stay cannot cross; one already ended answers 409. Permission is checked before the transaction,
 * so that a refusal's audit record is not rolled back with it.
 */
export async function changeRunningPlacement<T>(
  context: DetentionContext,
  placementId: string,
  change: (tx: Queryable, placement: Placement, userId: string) => Promise<T>,
): Promise<T> {
  const { userId } = await authorizedPlacement(context, placementId);
  return context.db.transaction(async (tx) => {
    const placement = await findPlacement(tx, placementId, { forUpdate: true });
    if (!placement) throw new NotFoundError("detention_placement_not_found");
    if (placement.status !== "placed") {
      throw new ConflictError("detention_placement_ended", "detention.errors.placementEnded");
    }
    return change(tx, placement, userId);
  });
}
