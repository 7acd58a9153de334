import type { CaseTypeDefinition, Condition, FieldDefinition } from "../definition/case-type.js";
import { type CatalogueReader, inLanguage, listOf } from "./catalogue-text.js";

function questionOf(definition: CaseTypeDefinition, name: string): FieldDefinition | undefined {
  return definition.form.flatMap((page) => page.fields).find((field) => field.name === name);
}

/** The answer as the applicant saw it: the option's label, or the value itself. */
function answerLabel(field: FieldDefinition | undefined, value: unknown, reader: CatalogueReader): string {
  const option =
    field && "options" in field ? field.options.find((one) => one.value === String(value)) : undefined;
  return option ? inLanguage(option.label, reader) : String(value);
}

/**
 * A condition over the answers, in the reader's words ("the answer to “On which ground do you
 * apply?” is “Work”"): the catalogue explains when a document is needed without showing codes.
 */
export function conditionInWords(
  definition: CaseTypeDefinition,
  condition: Condition,
  reader: CatalogueReader,
): string {
  const { t } = reader;
  if ("all" in condition) {
    return listOf(
      condition.all.map((one) => conditionInWords(definition, one, reader)),
      "conjunction",
      reader,
    );
  }
  if ("any" in condition) {
    return listOf(
      condition.any.map((one) => conditionInWords(definition, one, reader)),
      "disjunction",
      reader,
    );
  }
  if ("not" in condition) {
    const inner = condition.not;
    if ("field" in inner && "equals" in inner) {
      const field = questionOf(definition, inner.field);
      return t("catalogue.conditions.notEquals", {
        question: field ? inLanguage(field.label, reader) : inner.field,
        answer: answerLabel(field, inner.equals, reader),
      });
    }
    return t("catalogue.conditions.not", { condition: conditionInWords(definition, inner, reader) });
  }
  const field = questionOf(definition, condition.field);
  const question = field ? inLanguage(field.label, reader) : condition.field;
  if ("equals" in condition) {
    return t("catalogue.conditions.equals", {
      question,
      answer: answerLabel(field, condition.equals, reader),
    });
  }
  return t("catalogue.conditions.in", {
    question,
    answers: listOf(
      condition.in.map((value) =>
        t("catalogue.conditions.quoted", { text: answerLabel(field, value, reader) }),
      ),
      "disjunction",
      reader,
    ),
  });
}
