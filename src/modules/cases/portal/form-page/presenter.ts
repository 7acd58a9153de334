import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseTypeDefinition, PageDefinition } from "../../definition/case-type.js";
import { mrzFillAnswers } from "../../definition/mrz-fill.js";
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
  /** The machine-readable zone posted to fill the page, and what is wrong with it if anything. */
  mrz?: { value: string; messageKey?: string | undefined };
  /** Marks the notice for tests when it is not about prefilled or revealed questions. */
  noticeTestId?: string;
}

/** Where the zone's textarea sends the reader from the error summary. */
const mrzInputId = "mrz-fill";

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

/**
 * The "read from the machine-readable zone" box, above the first question it fills, when the page
 * declares a fill and one of those questions is shown.
 */
function mrzView(request: FastifyRequest, input: FormPageInput, shown: string[]) {
  const fill = input.page.mrzFill;
  if (!fill) return undefined;
  const filled = mrzFillAnswers(fill);
  const position = shown.findIndex((name) => filled.includes(name));
  if (position < 0) return undefined;
  const { t } = request;
  const messageKey = input.mrz?.messageKey;
  return {
    position,
    textarea: {
      id: mrzInputId,
      name: "_mrz",
      rows: 3,
      spellcheck: false,
      autocomplete: "off",
      value: input.mrz?.value ?? "",
      label: { text: t("portal.form.mrz.label"), classes: "govuk-label--s" },
      hint: { text: t("portal.form.mrz.hint") },
      errorMessage: messageKey
        ? { text: t(messageKey), visuallyHiddenText: t("common.errorPrefix") }
        : undefined,
    },
    button: t("portal.form.mrz.fill"),
    error: messageKey ? { text: t(messageKey), href: `#${mrzInputId}` } : undefined,
  };
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
  const shown = fields.map((field) => field.name);
  const mrz = mrzView(request, input, shown);
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
    shown,
    mrz,
    // Enter in a text box presses the form's first button, which must be "save and continue".
    needsDefaultButton: mrz !== undefined || fields.some((field) => field.kind === "group"),
    expectedSeq: state.lastSeq,
    returnTo: input.returnTo,
    backHref: backHref(input),
    notice: input.notice,
    noticeTestId: input.noticeTestId ?? (input.prefilled ? "prefilled-notice" : "revealed-notice"),
    errors: [
      ...(input.formErrors ?? []),
      ...(mrz?.error ? [mrz.error] : []),
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
