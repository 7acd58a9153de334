import { describe, expect, it } from "vitest";
import { countryProfile } from "../../../platform/country/index.js";
import { isPermission } from "../../access/index.js";
import { type CaseTypeDefinition, CaseTypeRegistry, type Condition } from "../../cases/index.js";
import { caseTypeDefinitions } from "../index.js";

const registry = new CaseTypeRegistry(caseTypeDefinitions);

/** Every field a condition names, with the values it compares against. */
function comparisons(condition: Condition | undefined): Array<{ field: string; values: unknown[] }> {
  if (!condition) return [];
  if ("all" in condition) return condition.all.flatMap(comparisons);
  if ("any" in condition) return condition.any.flatMap(comparisons);
  if ("not" in condition) return comparisons(condition.not);
  return [{ field: condition.field, values: "equals" in condition ? [condition.equals] : condition.in }];
}

function conditionsOf(definition: CaseTypeDefinition): Condition[] {
  return [
    ...definition.form.flatMap((page) => [page.showWhen, ...page.fields.map((field) => field.showWhen)]),
    ...definition.documents.map((document) => document.requiredWhen),
  ].filter((condition): condition is Condition => condition !== undefined);
}

describe("the permit and registration procedures", () => {
  it("are five valid case types, each on its first version", () => {
    expect(registry.current().map((definition) => `${definition.code}@${definition.version}`)).toEqual([
      "stay-registration@1",
      "stay-extension@1",
      "temporary-residence-permit@1",
      "permanent-residence-permit@1",
      "work-permit@1",
    ]);
  });

  it.each(registry.current().map((definition) => [definition.code, definition] as const))(
    "%s names only permissions, agencies, fields and answers that exist",
    (_code, definition) => {
      expect(countryProfile().agencies.map((agency) => agency.code)).toContain(definition.responsibleAgency);
      for (const transition of definition.transitions) {
        if (transition.allowed !== "applicant") expect(isPermission(transition.allowed)).toBe(true);
      }
      for (const task of definition.tasks) expect(isPermission(task.permission)).toBe(true);

      const fields = new Map(
        definition.form.flatMap((page) => page.fields).map((field) => [field.name, field]),
      );
      for (const { field, values } of conditionsOf(definition).flatMap(comparisons)) {
        const question = fields.get(field);
        expect(question, `${definition.code}: condition on unknown field ${field}`).toBeDefined();
        const options =
          question && "options" in question ? question.options.map((option) => option.value) : [];
        for (const value of values)
          expect(options, `${definition.code}: ${field} has no ${value}`).toContain(value);
      }
      const documentCodes = definition.documents.map((document) => document.code);
      expect(new Set(documentCodes).size).toBe(documentCodes.length);
    },
  );

  it("cite the Migration Code in every language", () => {
    for (const definition of registry.current()) {
      expect(definition.legalBasis.az).toContain("Miqrasiya Məcəlləsi");
      expect(definition.legalBasis.en).toContain("Migration Code of the Republic of Azerbaijan");
      expect(definition.legalBasis.ru).toContain("Миграционный кодекс");
    }
  });

  it("have a legal time and a refusal wherever an officer decides, and none where the law registers at once", () => {
    for (const definition of registry.current()) {
      const decidedAtOnce = definition.decisionOnSubmission !== undefined;
      expect(definition.legalTime === undefined, definition.code).toBe(decidedAtOnce);
      expect(
        definition.outcomes.some((outcome) => outcome.code === "refused"),
        definition.code,
      ).toBe(!decidedAtOnce);
    }
  });
});
