import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import { requiredDocuments } from "../../definition/validate-answers.js";
import type { CaseState } from "../../engine/case-state.js";
import { applicationPaths, stepAfterDocuments } from "../application-steps.js";
import { caseCaption, noticeOf } from "../case-heading.js";
import { attachedDocumentRows, documentCodeItems } from "../document-views.js";

export interface DocumentsPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors?: Array<{ text: string; href: string }>;
  errorsByField?: Record<string, string>;
  selectedCode?: string | undefined;
}

export function renderDocumentsPage(request: FastifyRequest, reply: FastifyReply, input: DocumentsPageInput) {
  const { state, definition } = input;
  const locale = request.locale;
  const needed = requiredDocuments(definition, state.answers);
  return reply.render("cases/portal/documents/documents.njk", {
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
