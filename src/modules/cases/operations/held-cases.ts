import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import { caseRecord } from "../case-access.js";
import { authorizeCaseType, readableCaseTypesCondition } from "../case-type-access.js";
import type { CasesContext } from "../cases-context.js";
import { type SubmittedPerson, submittedPersons } from "../checks/submission-checks.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseHold, CaseState } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { cases } from "../schema.js";
import { holdReviewPermission } from "./resolve-hold.js";

/** A case waiting on a hold, as the officers' list of holds shows it. */
export interface HeldCase {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  submittedAt: string | null;
  hold: CaseHold;
}

function reviewerOf(context: CasesContext) {
  const principal = context.principal;
  if (!principal) throw new Error("a hold is reviewed by a signed-in officer");
  return principal;
}

function origin(context: CasesContext) {
  return { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

/** The open holds of the officer's agency (every agency's with `scope.all_agencies`), oldest first. */
export async function listHeldCases(context: CasesContext, limit = 200): Promise<HeldCase[]> {
  await authorize(origin(context), holdReviewPermission);
  const principal = reviewerOf(context);
  const conditions: SQL[] = [sql`${cases.hold}->>'status' = 'open'`];
  if (!principal.permissions.has("scope.all_agencies")) {
    conditions.push(eq(cases.agencyId, principal.agencyId ?? "00000000-0000-0000-0000-000000000000"));
  }
  const readable = readableCaseTypesCondition(context.registry, principal);
  if (readable) conditions.push(readable);
  const rows = await context.db
    .select({
      id: cases.id,
      number: cases.number,
      typeCode: cases.typeCode,
      typeVersion: cases.typeVersion,
      submittedAt: cases.submittedAt,
      hold: cases.hold,
    })
    .from(cases)
    .where(and(...conditions))
    .orderBy(asc(cases.submittedAt), asc(cases.id))
    .limit(limit);
  await recordAudit(context.db, {
    actor: { type: "user", id: principal.userId },
    action: "case.holds_listed",
    outcome: "success",
    entityType: "case",
    agencyId: principal.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { count: rows.length },
  });
  return rows.map((row) => ({
    ...row,
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    hold: row.hold as unknown as CaseHold,
  }));
}

/** A held case for the officer who reviews it: the case, its procedure and the person its answers describe. */
export interface HeldCaseReview {
  state: CaseState & { hold: CaseHold };
  definition: CaseTypeDefinition;
  person: SubmittedPerson | null;
}

/**
 * One case with a hold (open or resolved), for an officer allowed to review holds in its agency;
 * another agency's case answers as an unknown one. The reading is audited.
 */
export async function viewHeldCase(context: CasesContext, caseId: string): Promise<HeldCaseReview> {
  const state = await loadCaseState(context.db, caseId);
  if (!state?.hold) {
    await authorize(origin(context), holdReviewPermission);
    throw new NotFoundError("case_not_found");
  }
  await authorize(origin(context), holdReviewPermission, caseRecord(state));
  await authorizeCaseType(context, state, context.registry.get(state.typeCode, state.typeVersion));
  const principal = reviewerOf(context);
  await recordAudit(context.db, {
    actor: { type: "user", id: principal.userId },
    action: "case.hold_viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  const definition = context.registry.get(state.typeCode, state.typeVersion);
  const persons = submittedPersons(definition, state.answers);
  return {
    state: { ...state, hold: state.hold },
    definition,
    person: persons[state.hold.personIndex ?? 0] ?? persons[0] ?? null,
  };
}
