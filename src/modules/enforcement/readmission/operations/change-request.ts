import type { Queryable } from "../../../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import type { ReadmissionContext } from "../readmission-module.js";
import { findRequest, insertCorrespondence, type RequestChange, updateRequest } from "../repository.js";
import { auditReadmission, authorizeReadmission } from "../request-access.js";
import type { ReadmissionRequest, RequestStatus } from "../request-record.js";

export interface RequestStep {
  /** The audit action, `readmission_request.<step>`. */
  action: string;
  /** The statuses the step may follow; any other answers 409 with `readmission_step_not_allowed`. */
  from: readonly RequestStatus[];
  /** The change, and the correspondence-log entry that records it. */
  apply(request: ReadmissionRequest): {
    change: RequestChange;
    log: { kind: string; direction: "sent" | "received" | "internal"; onDate: string; note: string };
  };
}

/**
 * One step of a request's workflow, all or nothing: the request is locked, the officer's
 * permission checked against its agency, the change written with its log entry and audit record.
 */
export async function changeRequest(
  context: ReadmissionContext,
  id: string,
  step: RequestStep,
): Promise<void> {
  // Checked before the transaction: a refusal's audit record must not be rolled back with it.
  const found = await findRequest(context.db, id);
  if (!found) throw new NotFoundError("readmission_request_not_found");
  const userId = await authorizeReadmission(context, found);
  await context.db.transaction(async (tx: Queryable) => {
    const request = await findRequest(tx, id, { forUpdate: true });
    if (!request) throw new NotFoundError("readmission_request_not_found");
    if (!step.from.includes(request.status)) {
      throw new ConflictError("readmission_step_not_allowed", "readmission.errors.stepNotAllowed");
    }
    const { change, log } = step.apply(request);
    if (Object.keys(change).length > 0) await updateRequest(tx, id, change);
    await insertCorrespondence(tx, { requestId: id, ...log, recordedBy: userId, at: context.clock.now() });
    await auditReadmission(context, tx, `readmission_request.${step.action}`, {
      entityId: id,
      details: { status: change.status ?? request.status },
    });
  });
}
