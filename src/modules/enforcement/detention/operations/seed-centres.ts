import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../../platform/db/index.js";
import { recordAudit, systemActor } from "../../../access/index.js";
import type { Centre } from "../detention-records.js";
import { insertCentre } from "../detention-repository.js";

/**
 * Enters centres on behalf of the system (the demo data): a code already present is left alone, so
 * seeding twice adds nothing. Officers enter real centres on the centres page.
 */
export async function seedDetentionCentres(
  db: Queryable,
  centres: Array<Omit<Centre, "id">>,
  at: Date,
): Promise<number> {
  let added = 0;
  for (const centre of centres) {
    const id = randomUUID();
    if (await insertCentre(db, { ...centre, id, createdBy: systemActorId, createdAt: at })) {
      added++;
      await recordAudit(db, {
        actor: systemActor,
        action: "detention_centre.added",
        outcome: "success",
        entityType: "detention_centre",
        entityId: id,
      });
    }
  }
  return added;
}

/** The nil UUID stands for the system where a row names who created it. */
const systemActorId = "00000000-0000-0000-0000-000000000000";
