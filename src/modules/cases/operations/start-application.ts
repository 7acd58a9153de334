import { randomUUID } from "node:crypto";
import type { Transaction } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import { authorize, findAgencyByCode, recordAudit } from "../../access/index.js";
import { applyPermission } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { applyEvent, type CaseState, initialCaseState } from "../engine/case-state.js";
import { auditActorOf, auditRefusalAfterRollback, eventActorOf } from "../engine/change-case.js";
import { appendEvents, nextCaseNumber } from "../engine/event-store.js";
import type { PendingCaseEvent } from "../engine/events.js";
import { saveCaseProjection } from "../engine/projection-repository.js";

/** The new case's first event, with the next number of the case type's series. */
async function appendCreation(
  tx: Transaction,
  context: CasesContext,
  definition: CaseTypeDefinition,
  creation: { applicantUserId: string; agencyId: string; now: Date },
): Promise<CaseState> {
  const { now } = creation;
  const number = await nextCaseNumber(
    tx,
    definition.numberPrefix,
    Number(context.deadlines.legalDate(now).slice(0, 4)),
  );
  const [created] = await appendEvents(
    tx,
    randomUUID(),
    0,
    [
      {
        type: "case.created",
        payload: {
          typeCode: definition.code,
          typeVersion: definition.version,
          number,
          applicantUserId: creation.applicantUserId,
          agencyId: creation.agencyId,
          state: definition.initialState,
        },
      },
    ],
    eventActorOf(context),
    now,
  );
  if (!created) throw new Error("no creation event");
  return initialCaseState(created, definition);
}

/**
 * A public user starts an application: a case in its draft state, owned by them, numbered, and
 * routed to the agency the case type names. `then` may add events in the same transaction (an API
 * client creating and submitting at once).
 */
export async function startApplication(
  context: CasesContext,
  typeCode: string,
  then?: (state: CaseState, tx: Transaction) => Promise<PendingCaseEvent[]>,
): Promise<CaseState> {
  const definition = context.registry.latest(typeCode);
  if (!definition) throw new DomainError("unknown_case_type", 404, "errors.not_found");
  const principal = context.principal;
  return auditRefusalAfterRollback(context, () =>
    context.db.transaction(async (tx) => {
      const permission = principal ? applyPermission(definition, principal.permissions) : "portal.apply";
      await authorize(
        { db: tx, principal, ip: context.ip, requestId: context.requestId },
        permission,
        undefined,
        {
          deferAudit: true,
        },
      );
      if (principal?.kind !== "public")
        throw new DomainError("applicants_only", 403, "cases.errors.applicants_only");
      const agency = await findAgencyByCode(tx, definition.responsibleAgency);
      if (!agency)
        throw new Error(
          `case type ${definition.code} names agency ${definition.responsibleAgency}, which is missing`,
        );
      const now = context.clock.now();
      let state = await appendCreation(tx, context, definition, {
        applicantUserId: principal.userId,
        agencyId: agency.id,
        now,
      });
      if (then) {
        const more = await appendEvents(
          tx,
          state.id,
          state.lastSeq,
          await then(state, tx),
          eventActorOf(context),
          now,
        );
        state = more.reduce(
          (current, event) => applyEvent(current, event, definition, context.deadlines),
          state,
        );
      }
      await saveCaseProjection(tx, state);
      await recordAudit(tx, {
        actor: auditActorOf(context),
        action: "case.started",
        outcome: "success",
        entityType: "case",
        entityId: state.id,
        agencyId: agency.id,
        ip: context.ip,
        requestId: context.requestId,
        details: { type: definition.code, version: definition.version },
      });
      return state;
    }),
  );
}
