import { sql } from "drizzle-orm";
import { type Database, queryRows, type Transaction } from "../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { replayCase } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import type { CaseEvent } from "../engine/events.js";
import { saveCaseProjection } from "../engine/projection-repository.js";
import type { CasesModule } from "../module.js";
import { removeAccessToCase } from "../representative-repository.js";
import { type RetentionScope, retentionMarks } from "./expiring-cases.js";

/**
 * The answers that may stay once a case is anonymised (what statistics count: citizenship, sex, a
 * coarse date of birth, the region), chosen by the statistics module from the statistics section
 * of the case's definition (the version the case runs on).
 */
export type AnonymousAnswers = (
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
) => Record<string, unknown>;

export interface AnonymisedCase {
  id: string;
  typeCode: string;
  agencyId: string;
  /** Stored files the case named; the caller deletes them once this has committed. */
  documentIds: string[];
}

type Payload = Record<string, unknown>;

/**
 * What another module keeps beside a case (a return order's written outcome records), taken out in
 * the case's anonymising transaction.
 */
export type AnonymiseBeside = (tx: Transaction, caseId: string) => Promise<void>;

/**
 * An event with the personal data taken out. `documents` removes the uploaded files: their
 * attachment becomes a removal, so that no replay lists a file that is gone; `case` also removes
 * the answers (but the anonymous ones), every free text (messages, notes, reasons, comments), the
 * issued document's number and verification code, and the link to the applicant's account. What
 * the workflow and the statistics need (states, dates, outcomes, validity) stays.
 */
function strippedEvent(
  event: CaseEvent,
  scope: RetentionScope,
  anonymous: (answers: Payload) => Payload,
): { type: CaseEvent["type"]; payload: Payload } {
  const keep = (payload: Payload) => ({ type: event.type, payload });
  if (event.type === "case.document_attached")
    return { type: "case.document_removed", payload: { documentId: event.payload.documentId } };
  const payload = event.payload as Payload;
  if (scope === "documents") return keep(payload);
  switch (event.type) {
    case "case.created":
      return keep({ ...payload, applicantUserId: null });
    case "case.answers_saved":
      return keep({ ...payload, answers: anonymous(event.payload.answers) });
    case "case.answers_corrected":
      return keep({
        ...payload,
        answers: anonymous(event.payload.answers),
        previous: anonymous(event.payload.previous),
      });
    case "case.fee_paid":
      return keep({ ...payload, paymentId: "" });
    case "case.documents_requested":
    case "case.documents_provided":
      return keep({ ...payload, message: "" });
    case "case.task_completed":
    case "case.decision_returned":
      return keep({ ...payload, comment: "" });
    case "case.decision_drafted":
      return keep({ ...payload, reasons: "" });
    case "case.decision_issued":
      return keep({ ...payload, documentNumber: null, verificationCode: null });
    case "case.note_added":
    case "case.message_sent":
      return keep({ ...payload, text: "" });
    case "case.representative_added":
    case "case.representative_ended":
      // That someone followed the case, and in which role, stays; whose account it was does not.
      return keep({ ...payload, userId: null });
    default:
      return keep(payload);
  }
}

/**
 * Takes the personal data out of a decided or closed case whose retention period has run out
 * (`scope` case), or only its uploaded documents (`documents`). The events are rewritten in place,
 * so that a replay (a projection or statistics rebuild) gives the anonymised case and never the
 * person back; the projection is saved from that replay and the statistics are told the case
 * changed. The case's number, procedure, states, dates and outcome stay: they are what the
 * agency's registers and the statistics count. The mark in the first event makes this happen once.
 * Null when the case is not (or no longer) a finished case to anonymise.
 */
export async function anonymiseCase(
  cases: Pick<CasesModule, "db" | "registry" | "deadlines" | "clock">,
  caseId: string,
  scope: RetentionScope,
  anonymous: AnonymousAnswers,
  rule: string,
  beside: readonly AnonymiseBeside[] = [],
): Promise<AnonymisedCase | null> {
  return (cases.db as Database).transaction(async (tx) => {
    const [row] = await queryRows<{
      id: string;
      type_code: string;
      type_version: number;
      applicant_user_id: string | null;
    }>(
      tx,
      sql`select id, type_code, type_version, applicant_user_id from cases
          where id = ${caseId}::uuid and category in ('decided', 'closed') for update`,
    );
    if (!row) return null;
    const events = await loadEvents(tx, caseId);
    const first = events[0];
    const marks = first?.payload as Payload | undefined;
    if (!first || marks?.[retentionMarks.case] || marks?.[retentionMarks[scope]]) return null;
    const at = cases.clock.now().toISOString();
    const definition = cases.registry.get(row.type_code, row.type_version);
    const stripped = events.map((event) => {
      const body = strippedEvent(event, scope, (answers) => anonymous(definition, answers));
      const payload =
        event.seq === first.seq ? { ...body.payload, [retentionMarks[scope]]: at } : body.payload;
      // The applicant's own actions no longer name their account; officers' actions still name them.
      const actorId = scope === "case" && event.actor.id === row.applicant_user_id ? null : event.actor.id;
      return { ...event, type: body.type, payload, actor: { ...event.actor, id: actorId } } as CaseEvent;
    });
    for (const event of stripped) {
      await tx.execute(
        sql`update case_events set type = ${event.type}, payload = ${JSON.stringify(event.payload)}::jsonb,
              actor_id = ${event.actor.id}
            where case_id = ${caseId}::uuid and seq = ${event.seq}`,
      );
    }
    const state = replayCase(stripped, (code, version) => cases.registry.get(code, version), cases.deadlines);
    await saveCaseProjection(tx, state);
    // The statistics replay the case from its rewritten events: their records lose the person too.
    if (scope === "case") {
      await tx.execute(sql`insert into case_change_outbox (case_id) values (${caseId}::uuid)`);
      // Who could follow the case in the portal links it to accounts: that goes with the person.
      await removeAccessToCase(tx, caseId);
      for (const anonymise of beside) await anonymise(tx, caseId);
    }
    const documentIds = events.flatMap((event) =>
      event.type === "case.document_attached" ? [event.payload.documentId] : [],
    );
    await recordAudit(tx, {
      actor: systemActor,
      action: scope === "case" ? "privacy.case_anonymised" : "privacy.case_documents_removed",
      outcome: "success",
      entityType: "case",
      entityId: caseId,
      agencyId: state.agencyId,
      details: { kind: scope === "case" ? "closedCases" : "documents", rule, documents: documentIds.length },
    });
    return { id: caseId, typeCode: row.type_code, agencyId: state.agencyId, documentIds };
  });
}
