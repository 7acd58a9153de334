import type { Queryable } from "../../../platform/db/index.js";
import { type CaseTypeDefinition, personsOfAnswers } from "../../cases/index.js";
import { registerCaseOccurrences } from "../operations/register-case-occurrences.js";
import type { RegisterOptions } from "../operations/register-occurrence.js";
import { type RelationKind, relatePersons } from "../operations/relate-persons.js";

/** Where one declared person of a case stands in the register after its submission. */
export interface CasePersonOutcome {
  role: string;
  slot: number;
  band: "linked" | "review" | "new";
  personId: string | null;
}

const relationKinds = new Set<string>(["spouse", "child", "parent", "guardian"]);

/** A family member's relationship as answered, as a register relation (any other answer: family member). */
function relationKindOf(relationship: string | undefined): RelationKind {
  return relationship && relationKinds.has(relationship) ? (relationship as RelationKind) : "family-member";
}

/**
 * Enters every person a submitted case declares into the register, in the caller's transaction (the
 * submission's): each is linked, sent to review or created as `registerOccurrence` would, with the
 * case, its role and slot as the source, so a second submission of the same case links nothing twice
 * (and tells where each person stands now). A family member registered beside the case's main person
 * is related to that person.
 */
export async function registerCasePersons(
  db: Queryable,
  input: {
    caseId: string;
    definition: Pick<CaseTypeDefinition, "form" | "persons">;
    answers: Record<string, unknown>;
  },
  options: RegisterOptions,
): Promise<CasePersonOutcome[]> {
  const persons = personsOfAnswers(input.definition, input.answers);
  const registrations = await registerCaseOccurrences(db, input.caseId, persons, options);
  const outcomes: CasePersonOutcome[] = [];
  let mainPersonId: string | null = null;
  for (const [index, person] of persons.entries()) {
    const registration = registrations[index];
    if (!registration) throw new Error(`no registration for ${person.role} ${person.slot}`);
    outcomes.push({
      role: person.role,
      slot: person.slot,
      band: registration.band,
      personId: registration.personId,
    });
    if (person.role !== "family-member") {
      mainPersonId ??= registration.personId;
    } else if (mainPersonId && registration.personId && registration.personId !== mainPersonId) {
      await relatePersons(
        db,
        mainPersonId,
        registration.personId,
        relationKindOf(person.relationship),
        options.at,
      );
    }
  }
  return outcomes;
}
