import type { CaseTypeDefinition } from "./case-type.js";
import { conditionHolds } from "./conditions.js";
import type { PersonRole } from "./persons-section.js";

/**
 * What the answers say about one person, in the shape of the person register's `PersonOccurrence`
 * (people module): declared here so that the case engine does not depend on the register, which
 * itself reads cases.
 */
export interface PersonOccurrence {
  fullName?: string | undefined;
  givenNames?: string | undefined;
  familyName?: string | undefined;
  birthDate?: string | undefined;
  sex?: string | undefined;
  citizenship?: string | undefined;
  document?:
    | {
        number: string;
        type?: "passport" | "id-card" | "residence-permit" | "travel-document" | "other" | undefined;
        issuingState?: string | undefined;
        expiry?: string | undefined;
      }
    | undefined;
}

/** One person of a case as its answers describe them, ready for the person register. */
export interface PersonOccurrenceData {
  role: PersonRole;
  /** The declaration's place among those of its role (several family members): with the role, the source. */
  slot: number;
  occurrence: PersonOccurrence;
  /** How the person is related to the case's main person, as answered (`spouse`, `child`…). */
  relationship?: string;
}

/** The questions that apply to these answers: on a page shown, their own condition holding. */
function applicableQuestions(
  form: CaseTypeDefinition["form"],
  answers: Record<string, unknown>,
): Set<string> {
  const names = new Set<string>();
  for (const page of form) {
    if (!conditionHolds(page.showWhen, answers)) continue;
    for (const field of page.fields) if (conditionHolds(field.showWhen, answers)) names.add(field.name);
  }
  return names;
}

/**
 * The persons a case's answers describe, by the definition's persons section. Only answers to
 * questions that apply are read (an answer left from a page no longer shown, such as the family
 * page after another ground was chosen, is not a person), and a declaration whose name and document
 * are unanswered gives no person.
 */
export function personsOfAnswers(
  definition: Pick<CaseTypeDefinition, "form" | "persons">,
  answers: Record<string, unknown>,
): PersonOccurrenceData[] {
  const applicable = applicableQuestions(definition.form, answers);
  const text = (name: string | undefined): string | undefined => {
    const value = name && applicable.has(name) ? answers[name] : undefined;
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const slots = new Map<PersonRole, number>();
  const persons: PersonOccurrenceData[] = [];
  for (const declaration of definition.persons ?? []) {
    const slot = slots.get(declaration.role) ?? 0;
    slots.set(declaration.role, slot + 1);
    const number = text(declaration.document?.number);
    const occurrence: PersonOccurrence = {
      fullName: text(declaration.fullName),
      givenNames: text(declaration.givenNames),
      familyName: text(declaration.familyName),
      birthDate: text(declaration.birthDate),
      sex: text(declaration.sex),
      citizenship: text(declaration.citizenship),
      document:
        number && declaration.document
          ? {
              number,
              type: declaration.document.type,
              issuingState: text(declaration.document.issuingState),
              expiry: text(declaration.document.expiry),
            }
          : undefined,
    };
    if (!occurrence.fullName && !occurrence.givenNames && !occurrence.familyName && !occurrence.document)
      continue;
    const relationship = text(declaration.relationship);
    persons.push({ role: declaration.role, slot, occurrence, ...(relationship ? { relationship } : {}) });
  }
  return persons;
}
