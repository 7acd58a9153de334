import { z } from "zod";
import { DomainError } from "../../../platform/errors/index.js";

/**
 * The answers an officer gives with a step of a case's workflow (a departure: whether return
 * assistance was received), declared by the procedure's definition on the transition. They are
 * kept on the step's event, not among the case's answers, so they never change the form; every
 * channel (the module's page, the staff API, the engine) checks them against this declaration,
 * and the statistics read them by the names declared here.
 */

/** A key of the locale files (`<module>.<...>`): the text comes in az, en and ru from there. */
const translationKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/, "translation key of the locale files");

const choice = z.strictObject({
  value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case value"),
  label: translationKey,
});

/** A new kind of answer needs its check in `checkStepAnswers` and its field on the pages that ask it. */
export const stepAnswerSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "camelCase name"),
    /** One of fixed values (yes/no), shown as radios. */
    kind: z.literal("choice"),
    choices: z.array(choice).min(2),
    required: z.boolean().default(true),
    label: translationKey,
    hint: translationKey.optional(),
    /** What people read when it is missing (`cases.errors.step_answer_required` otherwise). */
    requiredMessage: translationKey.optional(),
  }),
]);
export type StepAnswerDefinition = z.output<typeof stepAnswerSchema>;
/** A declaration as a definition writes it, before its defaults (`required` is true unless false). */
type StepAnswerDeclaration = z.input<typeof stepAnswerSchema>;

/** What is wrong with the answers one transition declares. */
export function stepAnswerProblems(transition: string, answers: StepAnswerDefinition[]): string[] {
  const problems: string[] = [];
  const names = answers.map((answer) => answer.name);
  if (new Set(names).size !== names.length)
    problems.push(`transition ${transition}: answer names must be unique`);
  for (const answer of answers) {
    const values = answer.choices.map((one) => one.value);
    if (new Set(values).size !== values.length)
      problems.push(`transition ${transition}: answer ${answer.name} repeats a choice`);
  }
  return problems;
}

function refused(code: string, name: string, messageKey = `cases.errors.${code}`): DomainError {
  return new DomainError(code, 422, messageKey, { field: `answers.${name}` }, { answer: name });
}

/**
 * The answers given with a step, checked against the transition's declaration: an answer it does
 * not declare (422 `step_answer_unknown`), a required one missing (422 `step_answer_required`), a
 * value outside the choices (422 `step_answer_choice`); each refusal names its field
 * (`details.field`, `answers.<name>`).
 */
export function checkStepAnswers(
  declared: readonly StepAnswerDeclaration[],
  given: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const byName = new Map(declared.map((answer) => [answer.name, answer]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name) && given[name] !== undefined) throw refused("step_answer_unknown", name);
  }
  const answers: Record<string, string> = {};
  for (const answer of declared) {
    const value = given[answer.name];
    if (value === undefined || value === null || value === "") {
      if (answer.required !== false)
        throw refused("step_answer_required", answer.name, answer.requiredMessage);
      continue;
    }
    if (typeof value !== "string" || !answer.choices.some((one) => one.value === value))
      throw refused("step_answer_choice", answer.name);
    answers[answer.name] = value;
  }
  return answers;
}
