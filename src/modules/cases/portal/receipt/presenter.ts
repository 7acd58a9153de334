import type { FastifyRequest } from "fastify";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { formatLongDate } from "../answer-summary.js";
import { applicationPaths } from "../application-steps.js";
import { legalTimeText } from "../case-heading.js";
import { documentLanguages } from "../case-status-view.js";
import { isDecidedOnSubmission } from "../issued-document-name.js";

/** What the receipt of a registration made on submission shows: the confirmation's particulars. */
function registrationRows(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const t = request.t;
  const locale = request.locale;
  const decision = state.decision;
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  return [
    row("portal.status.type", definition.name[locale]),
    ...(state.submittedAt
      ? [row("portal.receipt.registeredOn", formatLongDate(state.submittedAt, locale))]
      : []),
    ...(decision?.documentNumber ? [row("portal.receipt.confirmationNumber", decision.documentNumber)] : []),
    ...(decision?.validTo ? [row("portal.pdf.validTo", formatLongDate(decision.validTo, locale))] : []),
  ];
}

export function presentReceipt(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const locale = request.locale;
  // A registration made on submission: the receipt is the confirmation, ready to download.
  const registered = isDecidedOnSubmission(definition) && state.decision?.issued === true;
  return {
    title: request.t(registered ? "portal.receipt.registeredTitle" : "portal.receipt.title"),
    caseId: state.id,
    number: state.number,
    typeName: definition.name[locale],
    submitted: state.submittedAt ? formatLongDate(state.submittedAt, locale) : undefined,
    deadline: state.deadlineDate ? formatLongDate(state.deadlineDate, locale) : undefined,
    legalTime: legalTimeText(request, definition),
    email: request.principal?.email,
    registration: registered
      ? {
          rows: registrationRows(request, state, definition),
          downloads: documentLanguages.map((language) => ({
            ...language,
            href: `${applicationPaths.status(state.id)}/permit/${language.code}`,
          })),
        }
      : undefined,
  };
}
