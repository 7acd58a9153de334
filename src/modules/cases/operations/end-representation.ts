import { and, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import type { CaseRepresentative } from "../representative-repository.js";
import { caseRepresentatives } from "../schema.js";
import { checkRepresentationAllowed } from "./add-representative.js";

/**
 * An officer ends an access to a case: from then on that account no longer sees the case. In one
 * change of the case: the row ended, the timeline's event and the audit record
 * (`case.representative_ended`); the caller tells the person.
 */
export async function endRepresentation(
  context: CasesContext,
  caseId: string,
  representativeId: string,
): Promise<{ representative: CaseRepresentative; state: CaseState }> {
  let representative: CaseRepresentative | undefined;
  const state = await changeCase(
    context,
    caseId,
    undefined,
    "case.representative_ended",
    async ({ state, definition, tx }) => {
      await checkRepresentationAllowed(context, tx, state, definition);
      [representative] = await tx
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
      return [
        {
          type: "case.representative_ended",
          payload: {
            representationId: representative.id,
            userId: representative.userId,
            role: representative.role,
          },
        },
      ];
    },
  );
  return { representative: representative as CaseRepresentative, state };
}
