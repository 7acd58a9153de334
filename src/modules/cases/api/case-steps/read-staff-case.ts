import { decide, type Permission, recordAudit } from "../../../access/index.js";
import { auditSensitiveRead, restrictedAnswers, withoutRestrictedAnswers } from "../../case-type-access.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { loadEvents } from "../../engine/event-store.js";
import type { CasesModule } from "../../module.js";
import { availableTransitions } from "../../operations/transition-case.js";
import { caseRecordOf, loadCaseForStaff } from "../../workspace/view-case-file.js";
import type { StaffContext } from "../../workspace/workspace.js";
import { registeredPersonsOf } from "../registered-persons.js";

/** The steps this officer may take on the case now, and whether its owning module's page takes them. */
export function nextStepsOf(state: CaseState, definition: CaseTypeDefinition, context: StaffContext) {
  return availableTransitions(state, definition)
    .filter(
      (transition) =>
        transition.allowed !== "applicant" &&
        decide(context.principal, transition.allowed as Permission, caseRecordOf(state)).allowed,
    )
    .map((transition) => ({
      name: transition.name,
      to: transition.to,
      effect: transition.effect ?? null,
      guards: transition.guards,
      onActionsPage: Boolean(definition.actionsPage),
      answers: transition.answers.map((answer) => ({
        name: answer.name,
        kind: answer.kind,
        required: answer.required,
        choices: answer.choices.map((choice) => choice.value),
      })),
    }));
}

/**
 * The case as the officer may see it through the API. Like an opening of the case file it is a
 * read of personal data: audited as `case.viewed`, and special-category answers shown to a holder
 * of the type's sensitive permission also as `case.sensitive_read`; to anyone else they are left out.
 */
export async function readStaffCase(cases: CasesModule, context: StaffContext, caseId: string) {
  const { state, definition } = await loadCaseForStaff({ cases }, context, caseId);
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "case.viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { page: "api" },
  });
  await auditSensitiveRead(context, state, definition, "api:case");
  const [events, persons] = await Promise.all([
    loadEvents(context.db, state.id),
    registeredPersonsOf(cases, [state.id]),
  ]);
  return {
    state,
    answers: withoutRestrictedAnswers(state.answers, restrictedAnswers(context.principal, definition)),
    nextSteps: nextStepsOf(state, definition, context),
    persons: persons.get(state.id) ?? [],
    events: events.map((event) => ({
      seq: event.seq,
      type: event.type,
      at: event.at.toISOString(),
      actorType: event.actor.type,
    })),
  };
}
