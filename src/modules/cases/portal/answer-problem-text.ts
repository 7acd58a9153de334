import type { Locale, Translator } from "../../../platform/http/index.js";
import type { CaseTypeDefinition, FieldDefinition, ScalarFieldDefinition } from "../definition/case-type.js";
import type { AnswerProblem } from "../definition/validate-answers.js";

/**
 * What is wrong with an answer, naming the question, in the reader's language ("Enter the guest's
 * full name", "The guest's date of birth must be today or in the past"). The case engine only
 * knows the kind of problem (`cases.answers.datePast`); the error summary lists problems of many
 * questions at once, so each message must say which one it is about. A kind of problem without
 * its own sentence here still names the question ("«Label»: the engine's message").
 */

type Field = FieldDefinition | ScalarFieldDefinition;

/** The question an answer path names ("family.0.birthDate" → the group's birthDate field, item 1). */
export function fieldOfPath(
  fields: readonly FieldDefinition[],
  path: string,
): { field: Field; item?: number } | undefined {
  const [name, index, inner] = path.split(".");
  const field = fields.find((one) => one.name === name);
  if (field?.kind === "group" && inner) {
    const innerField = field.fields.find((one) => one.name === inner);
    return innerField ? { field: innerField, item: Number(index) + 1 } : undefined;
  }
  return field ? { field } : undefined;
}

/** The question of an answer path anywhere in the case type's form. */
export function fieldOfDefinition(definition: CaseTypeDefinition, path: string) {
  for (const page of definition.form) {
    const found = fieldOfPath(page.fields, path);
    if (found) return found;
  }
  return undefined;
}

/** "The guest's full name" → "the guest's full name"; "EU passport" keeps its capitals. */
function lowerFirst(text: string): string {
  const [first = "", second = ""] = [...text];
  return second && second === second.toLocaleLowerCase("en")
    ? first.toLocaleLowerCase("en") + text.slice(first.length)
    : text;
}

/** The sentence to use: "required" differs by what the reader has to do (type, pick, answer). */
function variantOf(kind: string, field: Field): string {
  if (kind !== "required") return kind;
  if (field.kind === "radios") return "requiredQuestion";
  if (field.kind === "select" || field.kind === "country") return "requiredChoice";
  return "required";
}

/** Limits of the question the sentence can quote (a maximum length, a smallest number). */
function limitsOf(field: Field): Record<string, number> {
  const limits: Record<string, number> = {};
  if ((field.kind === "text" || field.kind === "textarea") && field.maxLength) limits.max = field.maxLength;
  if (field.kind === "number") {
    if (field.min !== undefined) limits.min = field.min;
    if (field.max !== undefined) limits.max = field.max;
  }
  if (field.kind === "group") {
    limits.min = field.minItems;
    limits.max = field.maxItems;
  }
  return limits;
}

/** Stands for the label while the sentence is made, to see where the label falls. */
const marker = "\u0001";

export function answerProblemText(
  t: Translator,
  locale: Locale,
  found: { field: Field; item?: number } | undefined,
  problem: AnswerProblem,
): string {
  const extra = problem.values ?? {};
  const engineMessage = t(problem.messageKey, extra);
  if (!found) return engineMessage;
  const { field, item } = found;
  const label = `${field.label[locale].replace(/[?:]\s*$/, "")}${item ? ` (${item})` : ""}`;
  const kind = problem.messageKey.split(".").at(-1) ?? "";
  const limits = limitsOf(field);
  const variant = variantOf(kind, field);
  // A sentence that quotes a limit the question does not have would read "{{max}}": use the generic one.
  const needsLimit = ["tooLong", "tooSmall", "tooLarge", "tooFewItems", "tooManyItems"].includes(variant);
  const limitKnown =
    !needsLimit ||
    (variant === "tooSmall" || variant === "tooFewItems"
      ? limits.min !== undefined
      : limits.max !== undefined);
  const specific = `portal.answerErrors.${variant}`;
  const sentence = t(
    limitKnown ? [specific, "portal.answerErrors.generic"] : ["portal.answerErrors.generic"],
    {
      ...extra,
      ...limits,
      field: marker,
      problem: engineMessage,
    },
  );
  // Inside a sentence and not in quotes ("Enter the guest's full name"), the label loses its capital.
  const at = sentence.indexOf(marker);
  const inside = at > 0 && !/[«“"']/.test(sentence[at - 1] ?? "");
  return sentence.replaceAll(marker, inside ? lowerFirst(label) : label);
}
