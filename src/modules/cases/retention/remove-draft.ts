import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../access/index.js";
import { loadEvents } from "../engine/event-store.js";
import type { IdleDraft } from "./expiring-cases.js";

/** A removed draft: whom to tell, and the stored files that are now nobody's. */
export interface RemovedDraft extends IdleDraft {
  documentIds: string[];
}

/**
 * Removes an application that was never submitted, with everything the case tables hold of it
 * (events, projection, tasks, idempotency keys), if it is still a draft unchanged since
 * `changedBefore`: an applicant saving a page meanwhile keeps it. The files named in the result
 * are for the caller to delete once this has committed. Audited without personal data.
 */
export async function removeDraft(
  db: Database,
  caseId: string,
  changedBefore: Date,
  rule: string,
): Promise<RemovedDraft | null> {
  return db.transaction(async (tx) => {
    const [draft] = await queryRows<{
      id: string;
      number: string;
      type_code: string;
      type_version: number;
      applicant_user_id: string | null;
      agency_id: string;
      updated_at: Date | string;
    }>(
      tx,
      sql`select id, number, type_code, type_version, applicant_user_id, agency_id, updated_at from cases
          where id = ${caseId}::uuid and category = 'draft'
            and updated_at < ${changedBefore.toISOString()}::timestamptz
          for update`,
    );
    if (!draft) return null;
    const documentIds = (await loadEvents(tx, caseId)).flatMap((event) =>
      event.type === "case.document_attached" ? [event.payload.documentId] : [],
    );
    await tx.execute(sql`delete from case_tasks where case_id = ${caseId}::uuid`);
    await tx.execute(sql`delete from case_deadline_warnings where case_id = ${caseId}::uuid`);
    await tx.execute(sql`delete from case_idempotency_keys where case_id = ${caseId}::uuid`);
    await tx.execute(sql`delete from case_change_outbox where case_id = ${caseId}::uuid`);
    await tx.execute(sql`delete from case_events where case_id = ${caseId}::uuid`);
    await tx.execute(sql`delete from cases where id = ${caseId}::uuid`);
    await recordAudit(tx, {
      actor: systemActor,
      action: "privacy.draft_removed",
      outcome: "success",
      entityType: "case",
      entityId: caseId,
      agencyId: draft.agency_id,
      details: { kind: "drafts", rule, documents: documentIds.length },
    });
    return {
      id: draft.id,
      number: draft.number,
      typeCode: draft.type_code,
      typeVersion: draft.type_version,
      applicantUserId: draft.applicant_user_id,
      agencyId: draft.agency_id,
      updatedAt: new Date(draft.updated_at),
      documentIds,
    };
  });
}
