import type { CaseTypeDefinition, PageDefinition } from "../definition/case-type.js";
import { checkAnswers, requiredDocuments, visiblePages } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { feeDue } from "../operations/submit-application.js";

/**
 * The order of an application: the form's pages that apply, then documents (when the case type
 * has any), the fee (when there is one to pay or an express tier to choose), then "check your
 * answers", where it is submitted.
 */
export const applicationPaths = {
  status: (caseId: string) => `/applications/${caseId}`,
  page: (caseId: string, pageId: string) => `/applications/${caseId}/pages/${pageId}`,
  documents: (caseId: string) => `/applications/${caseId}/documents`,
  fee: (caseId: string) => `/applications/${caseId}/fee`,
  check: (caseId: string) => `/applications/${caseId}/check`,
  receipt: (caseId: string) => `/applications/${caseId}/receipt`,
};

export function hasDocumentsStep(definition: CaseTypeDefinition): boolean {
  return definition.documents.length > 0;
}

export function hasFeeStep(definition: CaseTypeDefinition): boolean {
  return definition.fee.amountMinor > 0 || definition.fee.expressTiers.length > 0;
}

/** Where to go once the form's pages are done. */
export function stepAfterForm(definition: CaseTypeDefinition, caseId: string): string {
  if (hasDocumentsStep(definition)) return applicationPaths.documents(caseId);
  return stepAfterDocuments(definition, caseId);
}

export function stepAfterDocuments(definition: CaseTypeDefinition, caseId: string): string {
  return hasFeeStep(definition) ? applicationPaths.fee(caseId) : applicationPaths.check(caseId);
}

/** The page after this one among those that apply to the answers now (answers can add pages). */
export function stepAfterPage(definition: CaseTypeDefinition, state: CaseState, pageId: string): string {
  const pages = visiblePages(definition, state.answers);
  const index = pages.findIndex((page) => page.id === pageId);
  const next = index >= 0 ? pages[index + 1] : pages[0];
  return next ? applicationPaths.page(state.id, next.id) : stepAfterForm(definition, state.id);
}

export function pageBefore(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  pageId: string,
): PageDefinition | undefined {
  const pages = visiblePages(definition, answers);
  const index = pages.findIndex((page) => page.id === pageId);
  return index > 0 ? pages[index - 1] : undefined;
}

export type StepStatus = "completed" | "incomplete" | "notStarted";

export interface DraftProgress {
  pages: Array<{ page: PageDefinition; status: StepStatus }>;
  documents: StepStatus | undefined;
  fee: StepStatus | undefined;
  ready: boolean;
}

/** How far a draft has come, for its task list and the "check your answers" page. */
export function draftProgress(
  definition: CaseTypeDefinition,
  state: CaseState,
  today: string,
): DraftProgress {
  const pages = visiblePages(definition, state.answers).map((page) => {
    const touched = page.fields.some((field) => state.answers[field.name] !== undefined);
    const optional = page.fields.every((field) => !field.required);
    const complete = checkAnswers(definition, state.answers, today, page.id).problems.length === 0;
    const status: StepStatus =
      complete && (touched || optional) ? "completed" : touched ? "incomplete" : "notStarted";
    return { page, status };
  });
  const attached = new Set(state.documents.map((document) => document.code));
  const needed = requiredDocuments(definition, state.answers);
  const documents: StepStatus | undefined = hasDocumentsStep(definition)
    ? needed.every((code) => attached.has(code))
      ? "completed"
      : attached.size > 0
        ? "incomplete"
        : "notStarted"
    : undefined;
  const fee: StepStatus | undefined = hasFeeStep(definition)
    ? state.feePaid || feeDue(definition, state.expressTier) === 0
      ? "completed"
      : "notStarted"
    : undefined;
  const ready =
    checkAnswers(definition, state.answers, today).problems.length === 0 &&
    (documents === undefined || documents === "completed") &&
    fee !== "notStarted";
  return { pages, documents, fee, ready };
}
