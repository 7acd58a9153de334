import { type AnswerProblem, answerProblems, parseAnswers } from "./answers-schema.js";
import type { CaseTypeDefinition } from "./case-type.js";
import { conditionHolds } from "./conditions.js";

export type { AnswerProblem } from "./answers-schema.js";
export { addressRegionCountry, visiblePages } from "./answers-schema.js";

export interface AnswerCheck {
  /**
   * The answers, cleaned (trimmed, typed); questions that do not apply are left out, and so is an
   * answer with a problem (a group with a problem in any entry).
   */
  answers: Record<string, unknown>;
  problems: AnswerProblem[];
}

/**
 * Checks answers against the form's schema (answers-schema.ts): every page (submission), or one
 * page (saving a page). `today` is the legal date used for past/future date rules.
 */
export function checkAnswers(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
  today: string,
  onlyPage?: string,
): AnswerCheck {
  const parsed = parseAnswers(definition, answers, today, onlyPage);
  return { answers: parsed.answers, problems: answerProblems(definition, parsed.issues) };
}

/** Document codes this case needs, given its answers. */
export function requiredDocuments(
  definition: CaseTypeDefinition,
  answers: Record<string, unknown>,
): string[] {
  return definition.documents
    .filter((document) => conditionHolds(document.requiredWhen, answers))
    .map((document) => document.code);
}
