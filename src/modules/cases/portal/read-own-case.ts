import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, authorize, recordAudit } from "../../access/index.js";
import { applyPermission, caseRecord } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { accessRoleOnCase, isOwnAccess, type RepresentativeRole } from "../representative-repository.js";
import { caseParams } from "./page-options.js";

export interface OwnCase {
  state: CaseState;
  definition: CaseTypeDefinition;
  /**
   * Read by an account an officer let follow the case (a representative, or the applicant of a case
   * an officer registered), who follows the case but acts on nothing.
   */
  asRepresentative?: boolean;
  /** In which role such an account follows it. */
  followerRole?: RepresentativeRole | undefined;
}

/**
 * What a representative (a lawyer or guardian an officer gave access, `access.representatives`)
 * reads of the case as its applicant would: the status with its notices, the decision, the issued
 * documents and the documents on file. Every change stays the applicant's (the operations check).
 */
const representativeViews = new Set([
  "status",
  "decision-page",
  "decision-pdf",
  "permit-pdf",
  "document-download",
  // The owning module's own page of the case for those who follow it (an asylum applicant's case page).
  "case-page",
]);

/**
 * An applicant opens one of their own cases (a form page, the status page, a document). The case
 * holds personal data, so every read is an audit record; someone else's case answers 404, as if
 * it did not exist, and that refusal is audited too.
 */
export async function readOwnCase(context: CasesContext, caseId: string, view: string): Promise<OwnCase> {
  // Pages check the address first; this keeps a malformed id from other callers away from the database.
  if (!caseParams.shape.id.safeParse(caseId).success) throw new NotFoundError("case_not_found");
  const state = await loadCaseState(context.db, caseId);
  if (!state) throw new NotFoundError("case_not_found");
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const { principal } = context;
  const origin = { db: context.db, principal, ip: context.ip, requestId: context.requestId };
  const followerRole =
    principal?.kind === "public" &&
    !principal.apiKeyId &&
    state.applicantUserId !== principal.userId &&
    representativeViews.has(view) &&
    definition.access?.representatives === true
      ? await accessRoleOnCase(context.db, state.id, principal.userId)
      : null;
  const asRepresentative = followerRole !== null;
  if (!asRepresentative) await authorizeOwner(origin, definition, state);
  await recordAudit(context.db, {
    actor: actorOf(principal),
    action: "case.viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: followerRole
      ? { view, as: isOwnAccess(followerRole) ? followerRole : "representative" }
      : { view },
  });
  return { state, definition, asRepresentative, followerRole: followerRole ?? undefined };
}

async function authorizeOwner(
  origin: Parameters<typeof authorize>[0],
  definition: CaseTypeDefinition,
  state: CaseState,
): Promise<void> {
  const { principal } = origin;
  try {
    await authorize(
      origin,
      principal ? applyPermission(definition, principal.permissions) : "portal.apply",
      caseRecord(state),
    );
  } catch (error) {
    // A case of a type the account may not apply for (a host's guest registration opened by an
    // applicant) is as unknown as anyone else's: 404, not 403. The refusal is audited already.
    if (error instanceof DomainError && error.code === "forbidden") throw new NotFoundError("case_not_found");
    throw error;
  }
}
