import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, DomainError } from "../../../../platform/errors/index.js";
import { formatMoney } from "../../../../platform/locale/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import { requiredDocuments } from "../../definition/validate-answers.js";
import type { CaseState } from "../../engine/case-state.js";
import { AnswersInvalidError } from "../../operations/save-answers.js";
import { feeDue } from "../../operations/submit-application.js";
import { answerProblemText, fieldOfDefinition } from "../answer-problem-text.js";
import { answeredPages, linesHtml } from "../answer-summary.js";
import { applicationPaths, draftProgress, hasDocumentsStep, hasFeeStep } from "../application-steps.js";
import { caseCaption, noticeOf } from "../case-heading.js";
import { inputId, problemAnchor } from "../form-view.js";
import { missingDocumentLinks } from "../missing-documents.js";
import type { PortalServices } from "../portal-services.js";

export interface CheckPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors: Array<{ text: string; href?: string }>;
}

function answerSections(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const t = request.t;
  return answeredPages(definition, state.answers, request.locale, t).map((answered) => ({
    title: answered.title,
    rows: answered.questions.map((question) => ({
      key: { text: question.label },
      value:
        question.lines.length > 0
          ? { html: linesHtml(question.lines) }
          : { text: t("portal.check.notAnswered") },
      actions: {
        items: [
          {
            href: `${applicationPaths.page(state.id, answered.page.id)}?return=check${problemAnchor(question.field, question.field.name)}`,
            text: t("portal.check.change"),
            visuallyHiddenText: question.label,
          },
        ],
      },
    })),
  }));
}

function documentRows(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  if (!hasDocumentsStep(definition)) return [];
  const t = request.t;
  return requiredDocuments(definition, state.answers).map((code) => {
    const attached = state.documents.filter((document) => document.code === code);
    const name =
      definition.documents.find((document) => document.code === code)?.name[request.locale] ?? code;
    return {
      key: { text: name },
      value:
        attached.length > 0
          ? { html: linesHtml(attached.map((document) => document.fileName)) }
          : { text: t("portal.check.documentMissing") },
      actions: {
        items: [
          {
            href: applicationPaths.documents(state.id),
            text: t("portal.check.change"),
            visuallyHiddenText: name,
          },
        ],
      },
    };
  });
}

function feeRows(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  if (!hasFeeStep(definition)) return [];
  const t = request.t;
  const locale = request.locale;
  const tier = definition.fee.expressTiers.find((one) => one.code === state.expressTier);
  const amount = feeDue(definition, state.expressTier);
  return [
    {
      key: { text: t("portal.fee.processing") },
      value: { text: tier ? tier.name[locale] : t("portal.fee.standard") },
      actions: {
        items: state.feePaid
          ? []
          : [
              {
                href: applicationPaths.fee(state.id),
                text: t("portal.check.change"),
                visuallyHiddenText: t("portal.fee.processing"),
              },
            ],
      },
    },
    {
      key: { text: t("portal.fee.amount") },
      value: {
        text: `${formatMoney(amount, locale, { currency: definition.fee.currency })} — ${t(state.feePaid ? "portal.fee.paid" : amount === 0 ? "portal.fee.nothingToPay" : "portal.fee.notPaid")}`,
      },
    },
  ];
}

/**
 * "Check your answers": every answer with a link to change it, the documents, the fee. With the
 * answers complete it leads on to the payment when a fee is due, and offers the submission once
 * the fee is settled; documents still missing are listed with links to upload them, before the
 * applicant pays.
 */
export function renderCheckPage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: CheckPageInput,
) {
  const { state, definition } = input;
  const t = request.t;
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  const progress = draftProgress(definition, state, today);
  return reply.render("cases/portal/check-answers/check-answers.njk", {
    title: t("portal.check.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    sections: answerSections(request, state, definition),
    documentRows: documentRows(request, state, definition),
    feeRows: feeRows(request, state, definition),
    progress,
    missingDocuments: missingDocumentLinks(request, state, definition, progress.missingDocuments),
    payHref: applicationPaths.fee(state.id),
    expectedSeq: state.lastSeq,
    // A new key each time the page is shown: pressing submit twice sends the same key.
    idempotencyKey: randomUUID(),
    notice: noticeOf(request),
    errors: input.errors,
  });
}

/** Why a submission was refused, as error summary entries pointing where to fix it. */
export function submissionProblems(
  request: FastifyRequest,
  definition: CaseTypeDefinition,
  state: CaseState,
  error: unknown,
): Array<{ text: string; href?: string }> | "in_flight" {
  const t = request.t;
  if (error instanceof ConflictError && error.code === "idempotency_in_flight") return "in_flight";
  if (error instanceof AnswersInvalidError) {
    return error.problems.map((problem) => {
      const formPage = definition.form.find((one) =>
        one.fields.some((field) => problem.field.split(".")[0] === field.name),
      );
      return {
        text: answerProblemText(t, request.locale, fieldOfDefinition(definition, problem.field), problem),
        href: formPage
          ? `${applicationPaths.page(state.id, formPage.id)}?return=check#${inputId(problem.field)}`
          : applicationPaths.status(state.id),
      };
    });
  }
  if (error instanceof DomainError && error.code === "documents_missing") {
    return [{ text: t(error.messageKey), href: applicationPaths.documents(state.id) }];
  }
  if (error instanceof DomainError && error.code === "fee_unpaid") {
    return [{ text: t(error.messageKey), href: applicationPaths.fee(state.id) }];
  }
  if (error instanceof DomainError && error.code === "case_changed") return [{ text: t(error.messageKey) }];
  throw error;
}
