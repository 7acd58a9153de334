import { randomUUID } from "node:crypto";
import { DomainError } from "../../../../platform/errors/index.js";
import { auditDetention, authorizeDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { NewCentre } from "../detention-forms.js";
import { insertCentre } from "../detention-repository.js";

/** An officer enters a detention centre; a code already used is refused (409). */
export async function addCentre(context: DetentionContext, centre: NewCentre): Promise<string> {
  const userId = await authorizeDetention(context);
  const id = randomUUID();
  return context.db.transaction(async (tx) => {
    const added = await insertCentre(tx, {
      id,
      code: centre.code,
      names: { az: centre.nameAz, en: centre.nameEn, ru: centre.nameRu },
      region: centre.region,
      capacity: centre.capacity,
      headEmail: centre.headEmail,
      headLocale: centre.headLocale,
      createdBy: userId,
      createdAt: context.clock.now(),
    });
    if (!added) throw new DomainError("detention_centre_code_taken", 409, "detention.errors.centreCodeTaken");
    await auditDetention(context, tx, "detention_centre.added", {
      entityType: "detention_centre",
      entityId: id,
    });
    return id;
  });
}
