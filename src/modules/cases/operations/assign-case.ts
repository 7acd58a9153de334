import { ConflictError } from "../../../platform/errors/index.js";
import { authorize } from "../../access/index.js";
import { authorizeOnCase, caseRecord } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";

/** An officer takes an unassigned case of their agency. */
export async function claimCase(
  context: CasesContext,
  caseId: string,
  expectedSeq?: number,
): Promise<CaseState> {
  return changeCase(context, caseId, expectedSeq, "case.claimed", async ({ state, definition, tx }) => {
    await authorizeOnCase(context, tx, "cases.process", state, definition);
    if (state.assignedTo) throw new ConflictError("case_taken", "cases.errors.case_taken");
    return [{ type: "case.assigned", payload: { officerId: context.principal?.userId ?? null } }];
  });
}

/** A team lead gives the case to an officer of the same agency (or takes it back: null). */
export async function assignCase(
  context: CasesContext,
  caseId: string,
  officer: { id: string; agencyId: string | null; canProcess: boolean } | null,
  expectedSeq?: number,
): Promise<CaseState> {
  return changeCase(context, caseId, expectedSeq, "case.assigned", async ({ state, definition, tx }) => {
    await authorizeOnCase(context, tx, "cases.assign", state, definition);
    if (officer && (officer.agencyId !== state.agencyId || !officer.canProcess)) {
      await authorize(
        { db: tx, principal: context.principal, ip: context.ip, requestId: context.requestId },
        "scope.all_agencies",
        caseRecord(state),
        { deferAudit: true },
      );
      throw new ConflictError("officer_not_eligible", "cases.errors.officer_not_eligible");
    }
    return [{ type: "case.assigned", payload: { officerId: officer?.id ?? null } }];
  });
}
