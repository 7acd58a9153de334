import { NotFoundError } from "../../../platform/errors/index.js";
import { recordAudit } from "../../access/index.js";
import { loadCaseForStaff } from "./view-case-file.js";
import type { StaffContext, Workspace } from "./workspace.js";

/**
 * An officer downloads a document of a case they may read, or views it in the browser (a picture
 * or a PDF, sent so that it can never run as part of our pages). Either is a read of personal
 * data, so it is audited, saying which of the two it was.
 */
export async function downloadCaseDocument(
  workspace: Workspace,
  context: StaffContext,
  caseId: string,
  documentId: string,
  how: "download" | "view" = "download",
): Promise<{ content: Buffer; fileName: string }> {
  const { state } = await loadCaseForStaff(workspace, context, caseId);
  const document = state.documents.find((one) => one.documentId === documentId);
  if (!document) throw new NotFoundError("document_not_found");
  const content = await workspace.documents.readDocument(document.documentId);
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: how === "view" ? "case.document_viewed" : "case.document_downloaded",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { document: document.documentId, code: document.code },
  });
  return { content, fileName: document.fileName };
}
