import type { Queryable } from "../../../platform/db/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";

/** Where one declared person of a submitted case stands in the person register. */
export interface RegisteredCasePerson {
  role: string;
  slot: number;
  /** Linked to a known person, waiting for an officer's review, or a new person. */
  band: "linked" | "review" | "new";
  /** Null while the review is open. */
  personId: string | null;
}

/**
 * Enters the persons a submitted case declares (its definition's persons section) into the person
 * register, inside the submission's transaction: portal, API and a host's file alike. Wired in the
 * composition root, so that the case engine imports no module that keeps persons.
 */
export type PersonRegistration = (input: {
  db: Queryable;
  caseId: string;
  definition: CaseTypeDefinition;
  answers: Record<string, unknown>;
}) => Promise<RegisteredCasePerson[]>;

/** Where the declared persons of these cases stand in the register now, by case (wired in the composition root). */
export type RegisteredPersonsLookup = (
  db: Queryable,
  caseIds: string[],
) => Promise<Map<string, RegisteredCasePerson[]>>;
