import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseTypeDefinition, PageDefinition } from "../../definition/case-type.js";
import type { AnswerProblem } from "../../definition/validate-answers.js";
import type { CaseState } from "../../engine/case-state.js";
import { visibleFields } from "../../operations/save-form-page.js";
import { answerProblemText, fieldOfPath } from "../answer-problem-text.js";
import { applicationPaths, pageBefore } from "../application-steps.js";
import { caseCaption } from "../case-heading.js";
import { type FormValues, valuesToAnswers } from "../form-values.js";
import { fieldViews, problemAnchor } from "../form-view.js";

export interface FormPageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  page: PageDefinition;
  values: FormValues;
  problems: AnswerProblem[];
  returnTo: string | undefined;
  notice?: string | undefined;
  /** The notice says answers were filled in from the account (not that questions were added). */
  prefilled?: boolean;
  /** Errors about the whole form (the application changed meanwhile). */
  formErrors?: Array<{ text: string }>;
}

function problemMessages(request: FastifyRequest, page: PageDefinition, problems: AnswerProblem[]) {
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    messages[problem.field] ??= answerProblemText(
      request.t,
      request.locale,
      fieldOfPath(page.fields, problem.field),
      problem,
    );
  }
  return messages;
}

function backHref(input: FormPageInput): string {
  const { state, definition, page } = input;
  if (input.returnTo === "check") return applicationPaths.check(state.id);
  const previous = pageBefore(definition, state.answers, page.id);
  return previous ? applicationPaths.page(state.id, previous.id) : applicationPaths.status(state.id);
}

export function renderFormPage(request: FastifyRequest, reply: FastifyReply, input: FormPageInput) {
  const { state, definition, page, values, problems } = input;
  const { locale, t } = request;
  // What is shown follows what was typed, so a question revealed by an answer appears at once.
  const answers = { ...state.answers, ...valuesToAnswers(page.fields, values) };
  const fields = visibleFields(page, answers);
  const messages = problemMessages(request, page, problems);
  return reply.render("cases/portal/form-page/form-page.njk", {
    title: page.title[locale],
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    action: applicationPaths.page(state.id, page.id),
    fields: fieldViews(fields, {
      locale,
      t,
      values,
      problems: messages,
      problemKeys: Object.fromEntries(problems.map((problem) => [problem.field, problem.messageKey])),
    }),
    shown: fields.map((field) => field.name),
    hasGroups: fields.some((field) => field.kind === "group"),
    expectedSeq: state.lastSeq,
    returnTo: input.returnTo,
    backHref: backHref(input),
    notice: input.notice,
    noticeTestId: input.prefilled ? "prefilled-notice" : "revealed-notice",
    errors: [
      ...(input.formErrors ?? []),
      ...problems.map((problem) => ({
        text: messages[problem.field] ?? t(problem.messageKey),
        href: problemAnchor(
          fieldOfPath(page.fields, problem.field)?.field,
          problem.field,
          problem.messageKey,
        ),
      })),
    ],
    errorsByField: messages,
  });
}
