import type { CaseTypeDefinition, PageDefinition } from "../definition/case-type.js";
import { checkAnswers, requiredDocuments, visiblePages } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { feeDue } from "../operations/submit-application.js";

/**
 * The order of an application (the GOV.UK pattern): the form's pages that apply, then documents
 * (when the case type has any), then "check your answers". When a fee is due, "check your
 * answers" leads on to the payment, and the payment back to it, where the application is
 * submitted. Nobody pays before seeing their answers and the documents still missing.
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
  return stepAfterDocuments(caseId);
}

export function stepAfterDocuments(caseId: string): string {
  return applicationPaths.check(caseId);
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
  /** Every question that applies is answered correctly: "check your answers" can begin. */
  answered: boolean;
  /** Codes of the required documents not uploaded yet, in the case type's order. */
  missingDocuments: string[];
  /** Paid, or nothing to pay. */
  feeSettled: boolean;
  /** Everything is there: the application can be submitted. */
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
  const missingDocuments = needed.filter((code) => !attached.has(code));
  const feeSettled = state.feePaid || feeDue(definition, state.expressTier) === 0;
  const fee: StepStatus | undefined = hasFeeStep(definition)
    ? feeSettled
      ? "completed"
      : "notStarted"
    : undefined;
  const answered = checkAnswers(definition, state.answers, today).problems.length === 0;
  const ready = answered && missingDocuments.length === 0 && feeSettled;
  return { pages, documents, fee, answered, missingDocuments, feeSettled, ready };
}
