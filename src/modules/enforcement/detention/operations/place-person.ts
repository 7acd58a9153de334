import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import { registerOccurrence, registerThresholdsOf } from "../../../people/index.js";
import { auditDetention, authorizeDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { NewPlacement } from "../detention-forms.js";
import { findCentre, insertPlacement } from "../detention-repository.js";
import { checkInitialPeriod } from "../time-limits.js";
import { summariesOf } from "./detained-persons.js";

/** A person first met at placement is registered with the placement as source: placing again never registers them twice. */
function placementSource(placementId: string) {
  return { kind: "record" as const, register: "detention" as const, recordId: placementId };
}

/**
 * Places a person in a centre. The first period may not end after the law's first period; the
 * person is one of the register or is registered now (a likely match the register cannot decide
 * is refused: the officer picks the person among those found). All in one transaction.
 */
export async function placePerson(context: DetentionContext, placement: NewPlacement): Promise<string> {
  const userId = await authorizeDetention(context);
  const permittedUntil = checkInitialPeriod(context.law, placement.startDate, placement.permittedUntil);
  const id = randomUUID();
  const at = context.clock.now();
  return context.db.transaction(async (tx) => {
    const centre = await findCentre(tx, placement.centreId);
    if (!centre) throw new DomainError("detention_centre_unknown", 422, "detention.errors.centre");
    const personId = await personOf(context, tx, placement, id, at);
    await insertPlacement(tx, {
      id,
      personId,
      centreId: centre.id,
      agencyId: context.principal?.agencyId ?? null,
      legalBasis: placement.legalBasis,
      orderingAuthority: placement.orderingAuthority,
      courtDecisionReference: placement.courtDecisionReference,
      startDate: placement.startDate,
      initialUntil: permittedUntil,
      permittedUntil,
      status: "placed",
      responsibleOfficerId: userId,
      createdBy: userId,
      createdAt: at,
    });
    await auditDetention(context, tx, "detention_placement.placed", {
      entityType: "detention_placement",
      entityId: id,
      details: { centre: centre.code, permittedUntil },
    });
    return id;
  });
}

async function personOf(
  context: DetentionContext,
  tx: DetentionContext["db"],
  placement: NewPlacement,
  placementId: string,
  at: Date,
): Promise<string> {
  if (placement.personId !== "new") {
    const found = await summariesOf({ ...context, db: tx }, [placement.personId]);
    if (!found.get(placement.personId)) {
      throw new DomainError("detention_person_unknown", 422, "detention.errors.person");
    }
    return placement.personId;
  }
  const registration = await registerOccurrence(
    tx,
    {
      fullName: placement.fullName,
      birthDate: placement.birthDate || undefined,
      citizenship: placement.citizenship || undefined,
      document: placement.documentNumber ? { number: placement.documentNumber } : undefined,
    },
    placementSource(placementId),
    { thresholds: registerThresholdsOf(context.config), at },
  );
  if (!registration.personId) {
    throw new DomainError("detention_person_undecided", 409, "detention.errors.personUndecided");
  }
  return registration.personId;
}
