import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import { ConcurrentCaseChangeError } from "../engine/event-store.js";
import { checkUploadLimits, defaultUploadLimits, lockUploadsOf } from "./upload-limits.js";

export interface StoredDocument {
  documentId: string;
  mediaType: string;
  size: number;
  sha256: string;
  fileName: string;
}

/**
 * Uploads of one account wait for each other (the upload lock); another change of the case at the
 * same moment (answers saved in a second tab) makes the upload try again, this often at most.
 */
const attempts = 3;

/**
 * The applicant attaches a stored document to a requirement of the case: while drafting, or while
 * the officer has asked for missing documents, and only within the case's and the account's limits.
 */
export async function attachDocument(
  context: CasesContext,
  caseId: string,
  code: string,
  document: StoredDocument,
): Promise<CaseState> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attachOnce(context, caseId, code, document);
    } catch (error) {
      // Attaching does not depend on the version the applicant saw: the change that came first
      // only changes what the limits count, so the check runs again on the new state.
      if (!(error instanceof ConcurrentCaseChangeError) || attempt >= attempts) throw error;
    }
  }
}

function attachOnce(
  context: CasesContext,
  caseId: string,
  code: string,
  document: StoredDocument,
): Promise<CaseState> {
  return changeCase(
    context,
    caseId,
    undefined,
    "case.document_attached",
    async ({ state, definition, tx }) => {
      await authorizeOnCase(context, tx, "applicant", state, definition);
      if (!definition.documents.some((requirement) => requirement.code === code)) {
        throw new DomainError("unknown_document", 422, "cases.errors.unknown_document");
      }
      const drafting = state.state === definition.initialState;
      if (!drafting && !state.requestedDocuments.includes(code)) {
        throw new ConflictError("documents_closed", "cases.errors.documents_closed");
      }
      await checkUploadLimits(tx, state, document.size, context.uploadLimits ?? defaultUploadLimits);
      return [{ type: "case.document_attached", payload: { ...document, code } }];
    },
    async (tx) => {
      const uploader = context.principal?.userId;
      if (uploader) await lockUploadsOf(tx, uploader);
    },
  );
}

export async function removeDocument(
  context: CasesContext,
  caseId: string,
  documentId: string,
): Promise<CaseState> {
  return changeCase(
    context,
    caseId,
    undefined,
    "case.document_removed",
    async ({ state, definition, tx }) => {
      await authorizeOnCase(context, tx, "applicant", state, definition);
      if (state.state !== definition.initialState)
        throw new ConflictError("case_submitted", "cases.errors.case_submitted");
      if (!state.documents.some((one) => one.documentId === documentId))
        throw new DomainError("not_found", 404, "errors.not_found");
      return [{ type: "case.document_removed", payload: { documentId } }];
    },
  );
}
