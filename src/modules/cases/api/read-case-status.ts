import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import { applyPermission, caseRecord } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { auditActorOf } from "../engine/change-case.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { keyMayReadCaseType } from "./case-api-scopes.js";

/** How every case the caller may not see answers: as a case that does not exist. */
const caseNotFound = () => new NotFoundError("case_not_found");

/**
 * An API client reads the status of a case it applied for. Every case the caller may not see
 * answers 404 exactly as a case that does not exist: someone else's, one of a type the caller may
 * not apply for, one of a type the API key has no scope for, and, when the address names a type,
 * one of another type (refusals of an existing case are audited). A key that may read the type but
 * lacks the scope `checkScope` asks for (a write scope) is refused with 403 by `checkScope`; a
 * successful read is audited, as every read of a case is.
 */
export async function readCaseStatus(
  context: CasesContext,
  caseId: string,
  checkScope: (definition: CaseTypeDefinition) => Promise<void>,
  options: { typeCode?: string } = {},
): Promise<CaseState> {
  const state = await loadCaseState(context.db, caseId);
  if (!state || (options.typeCode !== undefined && state.typeCode !== options.typeCode)) throw caseNotFound();
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const { principal } = context;
  const origin = { db: context.db, principal, ip: context.ip, requestId: context.requestId };
  try {
    await authorize(
      origin,
      principal ? applyPermission(definition, principal.permissions) : "portal.apply",
      caseRecord(state),
    );
  } catch (error) {
    // The refusal is audited already; the answer must not differ from a missing case's.
    if (error instanceof DomainError && (error.status === 403 || error.status === 404)) throw caseNotFound();
    throw error;
  }
  if (principal?.apiKeyId && !keyMayReadCaseType(principal, definition)) {
    await recordAudit(context.db, {
      actor: auditActorOf(context),
      action: "access.denied",
      outcome: "denied",
      entityType: "case",
      entityId: state.id,
      agencyId: state.agencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { reason: "case_type_outside_key_scopes", type: state.typeCode },
    });
    throw caseNotFound();
  }
  await checkScope(definition);
  await recordAudit(context.db, {
    actor: auditActorOf(context),
    action: "case.viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { view: "api" },
  });
  return state;
}
