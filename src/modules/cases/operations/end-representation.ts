import { and, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors/index.js";
import { actorOf, recordAudit } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import type { CaseRepresentative } from "../representative-repository.js";
import { caseRepresentatives } from "../schema.js";
import { caseOpenToRepresentation } from "./add-representative.js";

/**
 * An officer ends a representation: from then on the representative's account no longer sees
 * the case. Audited (`case.representative_ended`); the caller tells the representative.
 */
export async function endRepresentation(
  context: CasesContext,
  caseId: string,
  representativeId: string,
): Promise<{ representative: CaseRepresentative; state: CaseState }> {
  const { state } = await caseOpenToRepresentation(context, caseId);
  const [representative] = await context.db
    .update(caseRepresentatives)
    .set({ endedAt: context.clock.now(), endedBy: context.principal?.userId ?? null })
    .where(
      and(
        eq(caseRepresentatives.id, representativeId),
        eq(caseRepresentatives.caseId, state.id),
        isNull(caseRepresentatives.endedAt),
      ),
    )
    .returning();
  if (!representative) throw new NotFoundError("representative_not_found");
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "case.representative_ended",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { representative: representative.userId, role: representative.role },
  });
  return { representative, state };
}
