import { z } from "zod";
import { NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, recordAudit } from "../../access/index.js";
import type { SubjectContext } from "../subject-access/collect-subject-data.js";
import { type CorrectionRequest, findCorrectionRequest } from "./correction-repository.js";

/** Ids reach SQL only once they are UUIDs: a malformed one is "not found", never a database error. */
const uuid = z.uuid();

/**
 * The requester reads their request and its answer. Someone else's request answers 404, as if
 * it did not exist, and the attempt is audited; reading one's own is audited too.
 */
export async function viewOwnCorrection(context: SubjectContext, id: string): Promise<CorrectionRequest> {
  const request = uuid.safeParse(id).success ? await findCorrectionRequest(context.db, id) : null;
  if (!request) throw new NotFoundError("correction_not_found");
  const own = request.requesterUserId === context.principal.userId;
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: own ? "correction_request.viewed" : "access.denied",
    outcome: own ? "success" : "denied",
    entityType: "correction_request",
    entityId: request.id,
    agencyId: request.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    ...(own ? {} : { details: { reason: "not_owner" } }),
  });
  if (!own) throw new NotFoundError("correction_not_found");
  return request;
}
