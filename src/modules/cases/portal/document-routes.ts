import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type DocumentMediaType,
  readMultipartForm,
  safeDownloadName,
  sendDocumentDownload,
} from "../../../platform/files/index.js";
import { DomainError, NotFoundError } from "../../../platform/http/index.js";
import { accountRateLimits, countForAccount } from "../account-rate-limits.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { requiredDocuments } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { attachDocument, removeDocument } from "../operations/attach-document.js";
import { applicationPaths, stepAfterDocuments } from "./application-steps.js";
import { caseCaption, noticeOf } from "./case-heading.js";
import { renderCaseStatus } from "./case-status-view.js";
import { attachedDocumentRows, documentCodeItems, uploadableCodes } from "./document-views.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";

const views = "cases/views/portal";

type CaseParams = { Params: { id: string } };
type DocumentParams = { Params: { id: string; documentId: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

interface DocumentsPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors?: Array<{ text: string; href: string }>;
  errorsByField?: Record<string, string>;
  selectedCode?: string | undefined;
}

function renderDocumentsPage(request: FastifyRequest, reply: FastifyReply, input: DocumentsPageInput) {
  const { state, definition } = input;
  const locale = request.locale;
  const needed = requiredDocuments(definition, state.answers);
  return reply.render(`${views}/documents.njk`, {
    title: request.t("portal.documents.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    requirements: needed.map((code) => {
      const requirement = definition.documents.find((one) => one.code === code);
      return {
        name: requirement?.name[locale] ?? code,
        hint: requirement?.hint?.[locale],
        provided: state.documents.some((document) => document.code === code),
      };
    }),
    attached: attachedDocumentRows(request, state, definition),
    upload: {
      action: applicationPaths.documents(state.id),
      from: "documents",
      codeItems: documentCodeItems(request, definition, needed, input.selectedCode),
    },
    continueHref: stepAfterDocuments(state.id),
    backHref: applicationPaths.status(state.id),
    notice: noticeOf(request),
    errors: input.errors ?? [],
    errorsByField: input.errorsByField ?? {},
  });
}

/** Uploading, listing, downloading and removing the applicant's documents. */
export async function registerDocumentRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases, documents } = services;
  const page = { preHandler: guard, schema: { hide: true } };
  const limited = (max: number) => ({ ...page, config: { rateLimit: { max, timeWindow: "1 minute" } } });

  app.get<CaseParams>("/applications/:id/documents", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(
      cases.contextFor(request),
      request.params.id,
      "documents",
    );
    if (state.state !== definition.initialState)
      return reply.redirect(applicationPaths.status(state.id), 303);
    // "Check your answers" links each missing document here with its type chosen (`?code=`).
    const wanted = (request.query as { code?: unknown }).code;
    return renderDocumentsPage(request, reply, {
      state,
      definition,
      selectedCode: typeof wanted === "string" ? wanted : undefined,
    });
  });

  app.post<CaseParams>("/applications/:id/documents", limited(30), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state, definition } = await readOwnCase(context, request.params.id, "documents");
    // Before the file is read: a spent allowance answers at once, with the error page and Retry-After.
    await countForAccount(cases, request, accountRateLimits.uploads);
    const form = await readMultipartForm(request, documents);
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
      try {
        const mediaType: DocumentMediaType = file.document.mediaType;
        await attachDocument(context, state.id, code, {
          documentId: file.document.id,
          mediaType,
          size: file.document.size,
          sha256: file.document.sha256,
          fileName: safeDownloadName(file.declaredName, mediaType),
        });
        // Only the one file of the form is kept; anything else sent with it is deleted after the response.
        form.keep();
        for (const extra of form.files.filter((one) => one !== file)) {
          await documents.deleteDocument(extra.document.id);
        }
        return reply.redirect(
          `${fromStatus ? applicationPaths.status(state.id) : applicationPaths.documents(state.id)}?done=uploaded`,
          303,
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.status !== 409) throw error;
        byField.file = request.t(error.messageKey, error.messageValues);
      }
    }
    const errors = Object.entries(byField).map(([field, text]) => ({ text, href: `#${field}` }));
    const fresh = await readOwnCase(context, state.id, "documents");
    reply.status(422);
    if (fromStatus) {
      return renderCaseStatus(request, reply, services, {
        ...fresh,
        errors: errors.map((error) => ({ ...error, href: `#upload-${error.href.slice(1)}` })),
        errorsByField: Object.fromEntries(
          Object.entries(byField).map(([field, text]) => [`upload-${field}`, text]),
        ),
        values: { code },
      });
    }
    return renderDocumentsPage(request, reply, {
      ...fresh,
      errors,
      errorsByField: byField,
      selectedCode: code,
    });
  });

  app.post<DocumentParams>(
    "/applications/:id/documents/:documentId/remove",
    limited(30),
    async (request, reply) => {
      const context = cases.contextFor(request);
      const { state } = await readOwnCase(context, request.params.id, "documents");
      await removeDocument(context, state.id, request.params.documentId);
      // Out of the application, the file has no purpose left: it is deleted, not kept.
      await documents.deleteDocument(request.params.documentId);
      return reply.redirect(`${applicationPaths.documents(state.id)}?done=removed`, 303);
    },
  );

  app.get<DocumentParams>("/applications/:id/documents/:documentId", page, async (request, reply) => {
    const { state } = await readOwnCase(cases.contextFor(request), request.params.id, "document-download");
    const document = state.documents.find((one) => one.documentId === request.params.documentId);
    if (!document) throw new NotFoundError("document_not_found");
    const content = await documents.readDocument(document.documentId);
    return sendDocumentDownload(reply, { content, fileName: document.fileName });
  });
}
