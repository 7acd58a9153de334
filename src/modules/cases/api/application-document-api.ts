import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type DocumentMediaType,
  readMultipartForm,
  safeDownloadName,
} from "../../../platform/files/index.js";
import { DomainError } from "../../../platform/http/index.js";
import { accountRateLimits, countForAccount } from "../account-rate-limits.js";
import { attachDocument, removeDocument } from "../operations/attach-document.js";
import { uploadableCodes } from "../portal/document-views.js";
import {
  applicationRoute,
  applicationSchema,
  applicationView,
  attachedDocumentSchema,
  caseParams,
  documentView,
  errorResponses,
  limits,
  rateLimited,
} from "./api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "./own-application.js";

/** Attaching documents to an application (while drafting, or when the officer asks) and removing them. */
export async function registerApplicationDocumentApi(
  app: FastifyInstance,
  { cases, documents }: ApplicationApiDependencies,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = cases.guards.requireSignedIn;

  api.post(
    "/api/v1/applications/:id/documents",
    {
      schema: {
        ...applicationRoute,
        summary: "Attach a document",
        description:
          "A `multipart/form-data` body with the field `code` (a document requirement of the case type, " +
          "see `requiredDocuments` of the application) and then the field `file`: a PDF, JPEG or PNG " +
          "(checked by its content) of at most 10 MB, stored encrypted. While drafting, any required " +
          "document; once submitted, only those the officer asked for (409 `documents_closed`). A refused " +
          "file answers 415 `document_type_not_allowed` or `document_name_mismatch`, 413 `document_too_large`, " +
          "422 `document_empty`; no file 422 `file_required`; a " +
          "code not needed 422 `unknown_document`. An application holds at most the configured number of " +
          "files and megabytes (409 `case_upload_limit`), and so do an account's applications not yet " +
          "decided together (409 `account_upload_limit`); `details` give the limits (`maxFiles`, `maxBytes`) " +
          `and what is used (\`files\`, \`bytes\`). Each account may upload ${accountRateLimits.uploads.max} files in ` +
          `${accountRateLimits.uploads.windowSeconds / 60} minutes (then 429 \`too_many_uploads\` with \`Retry-After\`). ` +
          `Session callers send the CSRF token in \`x-csrf-token\`. ${limits}`,
        consumes: ["multipart/form-data"],
        params: caseParams,
        response: { 201: attachedDocumentSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { context, state, definition } = await ownApplication(
        cases,
        request,
        reply,
        request.params.id,
        "write",
      );
      await countForAccount(cases, request, accountRateLimits.uploads);
      const form = await readMultipartForm(request, documents);
      const code = typeof form.fields.code === "string" ? form.fields.code : "";
      const refused = form.refused.find((one) => one.fieldName === "file");
      if (refused) throw refused.error;
      const file = form.files.find((one) => one.fieldName === "file");
      if (!file) throw new DomainError("file_required", 422, "casesApi.errors.file_required");
      if (!uploadableCodes(state, definition).includes(code)) {
        throw new DomainError("unknown_document", 422, "cases.errors.unknown_document", {
          expected: uploadableCodes(state, definition),
        });
      }
      const mediaType: DocumentMediaType = file.document.mediaType;
      const attached = await attachDocument(context, state.id, code, {
        documentId: file.document.id,
        mediaType,
        size: file.document.size,
        sha256: file.document.sha256,
        fileName: safeDownloadName(file.declaredName, mediaType),
      });
      // Only the one file is kept; anything else sent with it is deleted after the response.
      form.keep();
      for (const extra of form.files.filter((one) => one !== file)) {
        await documents.deleteDocument(extra.document.id);
      }
      const document = attached.documents.find((one) => one.documentId === file.document.id);
      if (!document) throw new Error("the attached document is missing from the case");
      reply.header("location", `/api/v1/applications/${state.id}/documents/${document.documentId}`);
      return reply.status(201).send({ ...documentView(document), seq: attached.lastSeq });
    },
  );

  api.delete(
    "/api/v1/applications/:id/documents/:documentId",
    {
      schema: {
        ...applicationRoute,
        summary: "Remove a document",
        description:
          "Removes a document from a draft application and deletes the file. Once submitted, documents " +
          `stay (409 \`case_submitted\`). ${limits}`,
        params: caseParams.extend({ documentId: z.string().min(1).max(100).describe("Document id") }),
        response: { 200: applicationSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { context, state, definition } = await ownApplication(
        cases,
        request,
        reply,
        request.params.id,
        "write",
      );
      const removed = await removeDocument(context, state.id, request.params.documentId);
      // Out of the application, the file has no purpose left: it is deleted, not kept.
      await documents.deleteDocument(request.params.documentId);
      return applicationView(removed, definition);
    },
  );
}
