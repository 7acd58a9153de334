import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, authorize, findUserContacts, findUserIdsByEmail, recordAudit } from "../../access/index.js";
import { caseRecord } from "../case-access.js";
import { authorizeCaseType } from "../case-type-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import {
  type CaseRepresentative,
  type RepresentativeRole,
  representativeRoles,
  representsCase,
} from "../representative-repository.js";
import { caseRepresentatives } from "../schema.js";

/**
 * The case, if it is one whose type allows representatives and the officer may process it
 * (`cases.process` in its agency and the type's `access.read`; refusals audited).
 */
export async function caseOpenToRepresentation(
  context: CasesContext,
  caseId: string,
): Promise<{ state: CaseState; definition: CaseTypeDefinition }> {
  const state = await loadCaseState(context.db, caseId);
  if (!state || state.category === "draft") throw new NotFoundError("case_not_found");
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const origin = {
    db: context.db,
    principal: context.principal,
    ip: context.ip,
    requestId: context.requestId,
  };
  await authorize(origin, "cases.process", caseRecord(state));
  await authorizeCaseType(context, state, definition);
  if (!definition.access?.representatives) {
    throw new DomainError("representatives_not_allowed", 422, "cases.errors.representatives_not_allowed");
  }
  return { state, definition };
}

/**
 * An officer gives a lawyer or guardian access to a case: the portal account with that e-mail
 * address then follows the case as its applicant would (status, documents, decision, notices),
 * and no other case. Audited (`case.representative_added`); the caller tells the representative.
 */
export async function addRepresentative(
  context: CasesContext,
  caseId: string,
  input: { email: string; role: string },
): Promise<{ representative: CaseRepresentative; state: CaseState }> {
  const { state } = await caseOpenToRepresentation(context, caseId);
  const role = representativeRoles.find((one) => one === input.role);
  if (!role) throw new DomainError("representative_role", 422, "cases.errors.representative_role");
  const userId = (await findUserIdsByEmail(context.db, [input.email.trim().toLowerCase()])).get(
    input.email.trim().toLowerCase(),
  );
  const [account] = userId ? await findUserContacts(context.db, [userId]) : [];
  // Only an active portal account represents: staff see cases through their roles.
  if (account?.kind !== "public" || !account.active) {
    throw new DomainError("representative_unknown", 422, "cases.errors.representative_unknown");
  }
  if (account.id === state.applicantUserId || (await representsCase(context.db, state.id, account.id))) {
    throw new DomainError("representative_exists", 409, "cases.errors.representative_exists");
  }
  const [representative] = await context.db
    .insert(caseRepresentatives)
    .values({
      caseId: state.id,
      userId: account.id,
      role: role as RepresentativeRole,
      addedBy: context.principal?.userId ?? "",
      addedAt: context.clock.now(),
    })
    .returning();
  if (!representative) throw new Error("the representative was not stored");
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "case.representative_added",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { representative: account.id, role },
  });
  return { representative, state };
}
