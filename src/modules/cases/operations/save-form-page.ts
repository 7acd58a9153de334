import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition, PageDefinition } from "../definition/case-type.js";
import { conditionHolds } from "../definition/conditions.js";
import type { AnswerProblem } from "../definition/validate-answers.js";
import { checkAnswers } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { ConcurrentCaseChangeError } from "../engine/event-store.js";
import { type FormValues, valuesToAnswers } from "../portal/form-values.js";
import { AnswersInvalidError, saveAnswers } from "./save-answers.js";

export type SavePageResult =
  | { outcome: "saved"; state: CaseState }
  /** Some answers are missing or wrong: the page again, with a problem per question. */
  | { outcome: "invalid"; problems: AnswerProblem[] }
  /**
   * An answer on this page made more of its questions apply (a "work" ground asks for the
   * employer). Nothing is saved yet: the page comes back with the new questions, unanswered and
   * not marked as errors, since the person has not seen them.
   */
  | { outcome: "revealed"; problems: AnswerProblem[] }
  /** The application changed since the page was shown (another tab): reload and try again. */
  | { outcome: "changed" };

/** The questions of a page that apply to these answers. */
export function visibleFields(page: PageDefinition, answers: Record<string, unknown>) {
  return page.fields.filter((field) => conditionHolds(field.showWhen, answers));
}

const belongsTo = (problem: AnswerProblem, fieldName: string) =>
  problem.field === fieldName || problem.field.startsWith(`${fieldName}.`);

/**
 * Saves one page of the form (save-and-resume): the answers typed, checked by the case engine
 * against the version the person saw (`expectedSeq`).
 */
export async function saveFormPage(
  context: CasesContext,
  input: {
    state: CaseState;
    definition: CaseTypeDefinition;
    page: PageDefinition;
    values: FormValues;
    /** The questions the page showed when it was filled in. */
    shown: string[];
    expectedSeq: number | undefined;
  },
): Promise<SavePageResult> {
  const { state, definition, page } = input;
  const answers = valuesToAnswers(page.fields, input.values);
  const merged = { ...state.answers, ...answers };
  const revealed = visibleFields(page, merged)
    .map((field) => field.name)
    .filter((name) => !input.shown.includes(name));
  if (revealed.length > 0) {
    const today = context.deadlines.legalDate(context.clock.now());
    const problems = checkAnswers(definition, merged, today, page.id).problems.filter(
      (problem) => !revealed.some((name) => belongsTo(problem, name)),
    );
    return { outcome: "revealed", problems };
  }
  try {
    const saved = await saveAnswers(context, state.id, input.expectedSeq, page.id, answers);
    return { outcome: "saved", state: saved };
  } catch (error) {
    if (error instanceof AnswersInvalidError) return { outcome: "invalid", problems: error.problems };
    if (error instanceof ConcurrentCaseChangeError) return { outcome: "changed" };
    throw error;
  }
}
