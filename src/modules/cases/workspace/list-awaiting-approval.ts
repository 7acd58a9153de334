import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Locale } from "../../../platform/http/index.js";
import { findUserContacts, type Permission } from "../../access/index.js";
import { mayReadCaseType } from "../case-type-access.js";
import { cases } from "../schema.js";
import { allVersions, type DeadlineView, deadlineView } from "./deadline-risk.js";
import { agencyScopeOf, type StaffContext, type Workspace } from "./workspace.js";

export interface AwaitingApproval {
  id: string;
  number: string;
  typeName: string;
  outcomeLabel: string;
  draftedBy: string | null;
  deadline: DeadlineView;
}

/** How many the staff home page lists; the queue has the rest. */
export const awaitingApprovalLimit = 20;

/**
 * Decisions waiting for a second officer that this officer may approve: cases of their agency in
 * a state where a four-eyes transition starts that they hold the permission for, drafted by
 * someone else. Nearest deadline first; null for someone who approves nothing.
 */
export async function listAwaitingMyApproval(
  workspace: Workspace,
  context: StaffContext,
  locale: Locale,
): Promise<AwaitingApproval[] | null> {
  const { principal } = context;
  const states: SQL[] = [];
  for (const definition of allVersions(workspace.cases.registry)) {
    if (!mayReadCaseType(principal, definition)) continue;
    for (const transition of definition.transitions) {
      if (!transition.guards.includes("fourEyes") || transition.allowed === "applicant") continue;
      if (!principal.permissions.has(transition.allowed as Permission)) continue;
      states.push(
        sql`(${cases.typeCode} = ${definition.code} and ${cases.typeVersion} = ${definition.version} and ${cases.state} in (${sql.join(
          transition.from.map((from) => sql`${from}`),
          sql`, `,
        )}))`,
      );
    }
  }
  // Not someone who approves anything.
  if (states.length === 0) return null;
  const scope = agencyScopeOf(principal);
  const rows = await context.db
    .select({
      id: cases.id,
      number: cases.number,
      typeCode: cases.typeCode,
      typeVersion: cases.typeVersion,
      category: cases.category,
      expressTier: cases.expressTier,
      legalStartDate: cases.legalStartDate,
      deadlineDate: cases.deadlineDate,
      pausedSince: cases.pausedSince,
      pauses: cases.pauses,
      decision: cases.decision,
    })
    .from(cases)
    .where(
      and(
        sql`${cases.category} in ('open', 'waiting')`,
        scope ? eq(cases.agencyId, scope) : undefined,
        or(...states),
        // Four eyes: never the decision one drafted oneself.
        sql`${cases.decision} ->> 'draftedBy' <> ${principal.userId}`,
        sql`not coalesce((${cases.decision} ->> 'issued')::boolean, false)`,
      ),
    )
    .orderBy(asc(cases.deadlineDate), asc(cases.id))
    .limit(awaitingApprovalLimit);

  const drafters = await findUserContacts(
    context.db,
    rows.flatMap((row) => {
      const id = row.decision?.draftedBy;
      return typeof id === "string" ? [id] : [];
    }),
  );
  const nameOf = new Map(drafters.map((person) => [person.id, person.fullName]));
  const now = context.clock.now();
  return rows.map((row) => {
    const definition = workspace.cases.registry.get(row.typeCode, row.typeVersion);
    const outcome = String(row.decision?.outcome ?? "");
    const draftedBy = row.decision?.draftedBy;
    return {
      id: row.id,
      number: row.number,
      typeName: definition.name[locale],
      outcomeLabel: definition.outcomes.find((one) => one.code === outcome)?.label[locale] ?? outcome,
      draftedBy: typeof draftedBy === "string" ? (nameOf.get(draftedBy) ?? null) : null,
      deadline: deadlineView(workspace.cases.calendar, definition, row, now),
    };
  });
}

/** The staff home page's list of decisions waiting for this officer (nothing for non-approvers). */
export function awaitingApprovalPanel(workspace: Workspace) {
  return async (request: FastifyRequest) => {
    if (request.principal?.kind !== "staff" || !request.principal.permissions.has("cases.read")) return null;
    const context = workspace.cases.contextFor(request) as StaffContext;
    const entries = await listAwaitingMyApproval(workspace, context, request.locale);
    return entries ? { template: "cases/views/workspace/_awaiting-approval.njk", entries } : null;
  };
}
