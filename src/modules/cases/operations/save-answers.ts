import { ConflictError, DomainError } from "../../../platform/errors/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import { type AnswerProblem, checkAnswers } from "../definition/validate-answers.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";

export class AnswersInvalidError extends DomainError {
  constructor(readonly problems: AnswerProblem[]) {
    super("answers_invalid", 422, "cases.errors.answers_invalid", { problems });
  }
}

/** The applicant saves one page of the form (save-and-resume): checked, then merged into the draft. */
export async function saveAnswers(
  context: CasesContext,
  caseId: string,
  expectedSeq: number | undefined,
  pageId: string,
  answers: Record<string, unknown>,
): Promise<CaseState> {
  return changeCase(context, caseId, expectedSeq, "case.answers_saved", async ({ state, definition, tx }) => {
    await authorizeOnCase(context, tx, "applicant", state, definition);
    if (state.state !== definition.initialState)
      throw new ConflictError("case_submitted", "cases.errors.case_submitted");
    if (!definition.form.some((page) => page.id === pageId))
      throw new DomainError("unknown_page", 404, "errors.not_found");
    const merged = { ...state.answers, ...answers };
    const checked = checkAnswers(
      definition,
      merged,
      context.deadlines.legalDate(context.clock.now()),
      pageId,
    );
    if (checked.problems.length > 0) throw new AnswersInvalidError(checked.problems);
    return [{ type: "case.answers_saved", payload: { answers: checked.answers } }];
  });
}
