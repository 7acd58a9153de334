import { isDeepStrictEqual } from "node:util";
import type { Transaction } from "../../../platform/db/index.js";
import type { Locale } from "../../../platform/http/index.js";
import { authorizeOnCase } from "../case-access.js";
import { restrictedAnswers } from "../case-type-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition, PageDefinition, ScalarFieldDefinition } from "../definition/case-type.js";
import { checkAnswers } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { type CaseDecisionInput, changeCase } from "../engine/change-case.js";
import type { PendingCaseEvent } from "../engine/events.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { AnswersInvalidError } from "./save-answers.js";

/**
 * The kinds of answer an officer can correct by typing (or choosing) one value. Addresses and
 * repeating groups are several values: they are corrected by asking the applicant.
 */
const singleValueKinds = new Set<ScalarFieldDefinition["kind"]>([
  "text",
  "email",
  "textarea",
  "number",
  "date",
  "select",
  "radios",
  "country",
  "documentNumber",
]);

/** An answer of a case that can be corrected, as the officer's form shows it. */
export interface AnswerToCorrect {
  field: string;
  kind: ScalarFieldDefinition["kind"];
  /** The stored answer as typed text ("" when not answered). */
  current: string;
  /** The choices of a select or radios question, in the officer's language. */
  options: Array<{ value: string; text: string }> | null;
}

function questionOf(
  definition: CaseTypeDefinition,
  field: string,
): { page: PageDefinition; question: ScalarFieldDefinition } | null {
  for (const page of definition.form)
    for (const question of page.fields)
      if (question.name === field && question.kind !== "group" && singleValueKinds.has(question.kind))
        return { page, question };
  return null;
}

function asText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/**
 * The answer `field` of the case, if it is one an officer can correct (`cases.read` on the case's
 * agency); null for questions of several values and for names the case type does not have.
 */
export async function answerToCorrect(
  context: CasesContext,
  caseId: string,
  field: string,
  locale: Locale,
): Promise<AnswerToCorrect | null> {
  const state = await loadCaseState(context.db, caseId);
  if (!state) return null;
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  await authorizeOnCase(context, context.db, "cases.read", state, definition);
  // A special-category answer the officer may not read is not shown for correction either.
  if (restrictedAnswers(context.principal, definition).includes(field)) return null;
  const found = questionOf(definition, field);
  if (!found) return null;
  const { question } = found;
  return {
    field,
    kind: question.kind,
    current: asText(state.answers[field]),
    options:
      question.kind === "select" || question.kind === "radios"
        ? question.options.map((option) => ({ value: option.value, text: option.label[locale] }))
        : null,
  };
}

/**
 * An officer (`cases.process` in the case's agency) corrects one answer at the person's request
 * (`correction`: the request's reference, kept in the event as the reason). The value is checked
 * by the question's own schema, as the applicant's would be; the event keeps the previous value,
 * so the case's history shows who changed what, from what, and why. An unchanged value records
 * nothing. `alongside` is the caller's own work that must commit with the correction or not at
 * all (recording the answer to the request); it runs first in the transaction.
 */
export async function correctAnswer(
  context: CasesContext,
  caseId: string,
  change: { field: string; value: string; correction: string },
  alongside?: (tx: Transaction) => Promise<void>,
): Promise<CaseState> {
  const decide = async ({ state, definition, tx }: CaseDecisionInput): Promise<PendingCaseEvent[]> => {
    await authorizeOnCase(context, tx, "cases.process", state, definition);
    const found = questionOf(definition, change.field);
    if (!found) throw new AnswersInvalidError([{ field: change.field, messageKey: "cases.answers.invalid" }]);
    const merged = { ...state.answers, [change.field]: change.value };
    const today = context.deadlines.legalDate(context.clock.now());
    const checked = checkAnswers(definition, merged, today, found.page.id);
    // Other answers on the page may have aged (a "future" date now past): only this one is judged.
    const problems = checked.problems.filter((problem) => problem.field === change.field);
    if (problems.length > 0) throw new AnswersInvalidError(problems);
    if (!Object.hasOwn(checked.answers, change.field))
      throw new AnswersInvalidError([{ field: change.field, messageKey: "cases.answers.invalid" }]);
    const value = checked.answers[change.field];
    if (isDeepStrictEqual(value, state.answers[change.field])) return [];
    return [
      {
        type: "case.answers_corrected",
        payload: {
          answers: { [change.field]: value },
          previous: { [change.field]: state.answers[change.field] ?? null },
          correction: change.correction,
        },
      },
    ];
  };
  return changeCase(context, caseId, undefined, "case.answers_corrected", decide, alongside);
}
