import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, authorize, recordAudit } from "../../access/index.js";
import { applyPermission, caseRecord } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { representsCase } from "../representative-repository.js";
import { caseParams } from "./page-options.js";

export interface OwnCase {
  state: CaseState;
  definition: CaseTypeDefinition;
  /** Read by a representative of the applicant, who follows the case but acts on nothing. */
  asRepresentative?: boolean;
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
  const asRepresentative =
    principal?.kind === "public" &&
    !principal.apiKeyId &&
    state.applicantUserId !== principal.userId &&
    representativeViews.has(view) &&
    definition.access?.representatives === true &&
    (await representsCase(context.db, state.id, principal.userId));
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
    details: asRepresentative ? { view, as: "representative" } : { view },
  });
  return { state, definition, asRepresentative };
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
