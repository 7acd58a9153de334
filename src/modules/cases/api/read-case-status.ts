import { NotFoundError } from "../../../platform/http/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import { applyPermission, caseRecord } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { auditActorOf } from "../engine/change-case.js";
import { loadCaseState } from "../engine/projection-repository.js";

/**
 * An API client reads the status of a case it applied for. Someone else's case answers 404 as if
 * it did not exist (the refusal is audited); `checkScope` then refuses a key without a scope for
 * this case type; a successful read is audited, as every read of a case is.
 */
export async function readCaseStatus(
  context: CasesContext,
  caseId: string,
  checkScope: (definition: CaseTypeDefinition) => Promise<void>,
): Promise<CaseState> {
  const state = await loadCaseState(context.db, caseId);
  if (!state) throw new NotFoundError("case_not_found");
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const { principal } = context;
  await authorize(
    { db: context.db, principal, ip: context.ip, requestId: context.requestId },
    principal ? applyPermission(definition, principal.permissions) : "portal.apply",
    caseRecord(state),
  );
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
