import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { isRegisterId } from "../register/ids.js";
import { survivorOf } from "../register/repository.js";
import { peopleRelations } from "../schema.js";

export type RelationKind = "spouse" | "child" | "parent" | "guardian" | "family-member";

/**
 * Records that `relatedPersonId` is `personId`'s `kind` ("B is A's spouse"), between the persons
 * as they now stand (survivors of any merge). Recording it again changes nothing. Returns the
 * relation's id.
 */
export async function relatePersons(
  db: Queryable,
  personId: string,
  relatedPersonId: string,
  kind: RelationKind,
  at: Date = new Date(),
): Promise<string> {
  const person = isRegisterId(personId) ? await survivorOf(db, personId) : undefined;
  const related = isRegisterId(relatedPersonId) ? await survivorOf(db, relatedPersonId) : undefined;
  if (!person || !related) throw new NotFoundError("person_not_found");
  if (person.id === related.id)
    throw new DomainError("relation_to_self", 422, "people.errors.relation_to_self");
  const [known] = await db
    .select({ id: peopleRelations.id })
    .from(peopleRelations)
    .where(
      and(
        eq(peopleRelations.personId, person.id),
        eq(peopleRelations.relatedPersonId, related.id),
        eq(peopleRelations.kind, kind),
      ),
    );
  if (known) return known.id;
  const id = randomUUID();
  await db
    .insert(peopleRelations)
    .values({ id, personId: person.id, relatedPersonId: related.id, kind, addedAt: at });
  return id;
}
