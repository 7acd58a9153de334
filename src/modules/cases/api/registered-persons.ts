import { z } from "zod";
import type { CasesModule } from "../module.js";
import type { CreatedCases } from "../operations/create-submitted-cases.js";
import type { RegisteredCasePerson } from "../operations/person-registration.js";

export const registeredPersonsSchema = z
  .array(
    z.object({
      role: z.string().describe("The person's role in the case: applicant, guest, worker or family-member"),
      slot: z.number().int().describe("Tells apart several persons of one role (family members), from 0"),
      outcome: z
        .enum(["linked", "review", "new"])
        .describe(
          "linked: the person was already known and the case is linked to them; review: a similar " +
            "person is known, and an officer decides; new: the person is new to the register",
        ),
      registerId: z
        .uuid()
        .nullable()
        .describe("The person's register id when linked or new; null while the review is open"),
    }),
  )
  .describe(
    "Where each person the case declares stands in the person register: only these persons' own " +
      "outcome, never another person's details. A repeated request tells where they stand now.",
  );

export type RegisteredPersons = z.infer<typeof registeredPersonsSchema>;

const shown = (person: RegisteredCasePerson): RegisteredPersons[number] => ({
  role: person.role,
  slot: person.slot,
  outcome: person.band,
  registerId: person.band === "review" ? null : person.personId,
});

/** Where the persons of these cases stand in the register, by case (none where no register is wired). */
export async function registeredPersonsOf(
  cases: Pick<CasesModule, "db" | "registeredPersons">,
  caseIds: string[],
): Promise<Map<string, RegisteredPersons>> {
  const found = new Map<string, RegisteredPersons>();
  if (!cases.registeredPersons) return found;
  for (const [caseId, persons] of await cases.registeredPersons(cases.db, caseIds)) {
    found.set(caseId, persons.map(shown));
  }
  return found;
}

/** The main role first, then family members by slot: the order `registeredPersons` answers in. */
function inStandingOrder(a: RegisteredCasePerson, b: RegisteredCasePerson): number {
  const family = Number(a.role === "family-member") - Number(b.role === "family-member");
  if (family !== 0) return family;
  if (a.role !== b.role) return a.role < b.role ? -1 : 1;
  return a.slot - b.slot;
}

/**
 * Where the persons of the cases a request created stand: as the request registered them, which is
 * how they stand at its commit (nothing read again), or, for a repeated request, as they stand now.
 */
export async function registeredPersonsOfCreated(
  cases: Pick<CasesModule, "db" | "registeredPersons">,
  created: CreatedCases,
): Promise<Map<string, RegisteredPersons>> {
  const registered = created.registeredPersons;
  if (!registered)
    return registeredPersonsOf(
      cases,
      created.cases.map((state) => state.id),
    );
  return new Map(
    created.cases.map((state, index) => [
      state.id,
      [...(registered[index] ?? [])].sort(inStandingOrder).map(shown),
    ]),
  );
}
