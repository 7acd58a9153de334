import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import {
  type DocumentMediaType,
  readMultipartForm,
  safeDownloadName,
} from "../../../../platform/files/index.js";
import { accountRateLimits, countForAccount } from "../../account-rate-limits.js";
import type { CasesContext } from "../../cases-context.js";
import type { CaseState } from "../../engine/case-state.js";
import { attachDocument } from "../../operations/attach-document.js";
import { applicationPaths } from "../application-steps.js";
import { renderCaseStatus } from "../case-status-view.js";
import { uploadableCodes } from "../document-views.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { type OwnCase, readOwnCase } from "../read-own-case.js";
import { renderDocumentsPage } from "./presenter.js";

type UploadForm = Awaited<ReturnType<typeof readMultipartForm>>;
type UploadedFile = UploadForm["files"][number];

/** Attaches the one file of the form; a refusal of the engine (409) becomes the file's error. */
async function attachUpload(
  services: PortalServices,
  context: CasesContext,
  state: CaseState,
  upload: { form: UploadForm; file: UploadedFile; code: string; t: FastifyRequest["t"] },
): Promise<string | undefined> {
  const { form, file, code, t } = upload;
  try {
    const mediaType: DocumentMediaType = file.document.mediaType;
    await attachDocument(context, state.id, code, {
      documentId: file.document.id,
      mediaType,
      size: file.document.size,
      sha256: file.document.sha256,
      fileName: safeDownloadName(file.declaredName, mediaType),
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.status !== 409) throw error;
    return t(error.messageKey, error.messageValues);
  }
  // Only the one file of the form is kept; anything else sent with it is deleted after the response.
  form.keep();
  for (const extra of form.files.filter((one) => one !== file)) {
    await services.documents.deleteDocument(extra.document.id);
  }
  return undefined;
}

/** The page the upload came from again, with what was wrong at the field it concerns. */
function showRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: OwnCase & { byField: Record<string, string>; code: string; fromStatus: boolean },
) {
  const { byField, code } = input;
  const own = { state: input.state, definition: input.definition };
  const errors = Object.entries(byField).map(([field, text]) => ({ text, href: `#${field}` }));
  if (!input.fromStatus) {
    return renderDocumentsPage(request, reply, {
      ...own,
      errors,
      errorsByField: byField,
      selectedCode: code,
    });
  }
  return renderCaseStatus(request, reply, services, {
    ...own,
    errors: errors.map((error) => ({ ...error, href: `#upload-${error.href.slice(1)}` })),
    errorsByField: Object.fromEntries(
      Object.entries(byField).map(([field, text]) => [`upload-${field}`, text]),
    ),
    values: { code },
  });
}

/** An upload from the documents page or from the case page (answering a request for documents). */
export async function uploadDocumentHandler(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const { cases } = services;
  const context = cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "documents");
  // Before the file is read: a spent allowance answers at once, with the error page and Retry-After.
  await countForAccount(cases, request, accountRateLimits.uploads);
  const form = await readMultipartForm(request, services.documents);
  const code = typeof form.fields.code === "string" ? form.fields.code : "";
  const fromStatus = form.fields.from === "status";
  const file = form.files.find((one) => one.fieldName === "file");
  const refused = form.refused.find((one) => one.fieldName === "file");
  const byField: Record<string, string> = {};
  if (!uploadableCodes(state, definition).includes(code))
    byField.code = request.t("portal.documents.errors.chooseType");
  if (refused) byField.file = request.t(refused.error.messageKey);
  else if (!file) byField.file = request.t("portal.documents.errors.chooseFile");
  if (file && Object.keys(byField).length === 0) {
    const problem = await attachUpload(services, context, state, { form, file, code, t: request.t });
    if (!problem) {
      const back = fromStatus ? applicationPaths.status(state.id) : applicationPaths.documents(state.id);
      return reply.redirect(`${back}?done=uploaded`, 303);
    }
    byField.file = problem;
  }
  const fresh = await readOwnCase(context, state.id, "documents");
  return showRefusal(request, reply.status(422), services, { ...fresh, byField, code, fromStatus });
}
