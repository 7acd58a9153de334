import type { Queryable } from "../../../platform/db/index.js";
import { type CaseTypeDefinition, personsOfAnswers } from "../../cases/index.js";
import { type RegisterOptions, registerOccurrence } from "../operations/register-occurrence.js";
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
 * submission's): each is linked, sent to review or created by `registerOccurrence`, with the case,
 * its role and slot as the source, so a second submission of the same case links nothing twice.
 * A family member registered beside the case's main person is related to that person.
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
  const outcomes: CasePersonOutcome[] = [];
  let mainPersonId: string | null = null;
  for (const person of personsOfAnswers(input.definition, input.answers)) {
    const source = { kind: "case" as const, caseId: input.caseId, role: person.role, slot: person.slot };
    const registration = await registerOccurrence(db, person.occurrence, source, options);
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
