import type { FastifyRequest } from "fastify";
import { documentTypeLabelKey } from "../../../platform/files/index.js";
import { formatNumber } from "../../../platform/locale/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { requiredDocuments } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { applicationPaths } from "./application-steps.js";

/** A file size for people: "34 KB", "2,4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return formatNumber(megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)), locale, {
    style: "unit",
    unit: megabytes ? "megabyte" : "kilobyte",
    maximumFractionDigits: megabytes ? 1 : 0,
  });
}

/** The documents the applicant may upload now: the required ones while drafting, the requested ones later. */
export function uploadableCodes(state: CaseState, definition: CaseTypeDefinition): string[] {
  if (state.state === definition.initialState) return requiredDocuments(definition, state.answers);
  return state.requestedDocuments;
}

/** The attached documents as table rows with their download (and, in a draft, remove) actions. */
export function attachedDocumentRows(
  request: FastifyRequest,
  state: CaseState,
  definition: CaseTypeDefinition,
) {
  const locale = request.locale;
  return state.documents.map((document) => ({
    documentId: document.documentId,
    fileName: document.fileName,
    requirement:
      definition.documents.find((one) => one.code === document.code)?.name[locale] ?? document.code,
    // The type found in the content on receipt, not the name's extension (which the sender chose).
    type: request.t(documentTypeLabelKey(document.mediaType)),
    size: formatFileSize(document.size, locale),
    downloadHref: `${applicationPaths.documents(state.id)}/${encodeURIComponent(document.documentId)}`,
    removeAction:
      state.state === definition.initialState
        ? `${applicationPaths.documents(state.id)}/${encodeURIComponent(document.documentId)}/remove`
        : undefined,
  }));
}

/** The choices of document type for an upload form. */
export function documentCodeItems(
  request: FastifyRequest,
  definition: CaseTypeDefinition,
  codes: string[],
  selected: string | undefined,
) {
  return [
    { value: "", text: request.t("portal.form.choose") },
    ...codes.map((code) => ({
      value: code,
      text: definition.documents.find((one) => one.code === code)?.name[request.locale] ?? code,
      selected: code === selected,
    })),
  ];
}
