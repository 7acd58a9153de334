import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseTypeDefinition, FieldDefinition } from "../../definition/case-type.js";
import { type AnswerProblem, visiblePages } from "../../definition/validate-answers.js";
import { visibleFields } from "../../operations/save-form-page.js";
import { answerProblemText, fieldOfDefinition } from "../../portal/answer-problem-text.js";
import { type FormValues, valuesToAnswers } from "../../portal/form-values.js";
import { fieldViews, problemAnchor } from "../../portal/form-view.js";

export interface RegistrationFormInput {
  definition: CaseTypeDefinition;
  values: FormValues;
  problems: AnswerProblem[];
  /** The idempotency key of this form: sent twice, it registers one case. */
  key: string;
  notice?: string | undefined;
}

function everyField(definition: CaseTypeDefinition): FieldDefinition[] {
  return definition.form.flatMap((page) => page.fields);
}

/** The pages and questions that apply, given what was typed so far. */
function shownPages(definition: CaseTypeDefinition, values: FormValues) {
  const answers = valuesToAnswers(everyField(definition), values);
  return visiblePages(definition, answers).map((page) => ({ page, fields: visibleFields(page, answers) }));
}

/** The names of the questions the form shows for these inputs. */
export function shownQuestions(definition: CaseTypeDefinition, values: FormValues): string[] {
  return shownPages(definition, values).flatMap(({ fields }) => fields.map((field) => field.name));
}

/** The answers to the questions shown, as the engine checks them; unanswered ones are left out. */
export function answersOfForm(definition: CaseTypeDefinition, values: FormValues): Record<string, unknown> {
  const shown = new Set(shownQuestions(definition, values));
  return Object.fromEntries(
    Object.entries(valuesToAnswers(everyField(definition), values)).filter(
      ([name, value]) => shown.has(name) && value !== undefined && value !== "",
    ),
  );
}

/** The whole form of the type on one page, each form page a section, with problems at their questions. */
export function renderRegistrationForm(
  request: FastifyRequest,
  reply: FastifyReply,
  input: RegistrationFormInput,
) {
  const { definition, values, problems } = input;
  const { locale, t } = request;
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    messages[problem.field] ??= answerProblemText(
      t,
      locale,
      fieldOfDefinition(definition, problem.field),
      problem,
    );
  }
  const pages = shownPages(definition, values);
  return reply.render("cases/workspace/register-case/register-form.njk", {
    title: t("workspace.register.formTitle", { type: definition.name[locale] }),
    typeName: definition.name[locale],
    action: `/cases/register/${definition.code}`,
    key: input.key,
    notice: input.notice,
    sections: pages.map(({ page, fields }) => ({
      title: page.title[locale],
      fields: fieldViews(fields, {
        locale,
        t,
        values,
        problems: messages,
        problemKeys: Object.fromEntries(problems.map((problem) => [problem.field, problem.messageKey])),
      }),
    })),
    shown: pages.flatMap(({ fields }) => fields.map((field) => field.name)),
    errors: problems.map((problem) => ({
      text: messages[problem.field] ?? t(problem.messageKey),
      href: problemAnchor(
        fieldOfDefinition(definition, problem.field)?.field,
        problem.field,
        problem.messageKey,
      ),
    })),
    errorsByField: messages,
  });
}
