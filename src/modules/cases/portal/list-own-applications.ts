import { desc, eq, inArray, sql } from "drizzle-orm";
import { actorOf, recordAudit } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import type { StateCategory } from "../definition/case-type.js";
import { representedCaseIds } from "../representative-repository.js";
import { cases } from "../schema.js";
import { guestNameAnswer, guestRegistrationType } from "./guest-registration.js";

export interface ApplicationSummary {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  state: string;
  category: StateCategory;
  submittedAt: Date | null;
  deadlineDate: string | null;
  pausedSince: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** A watch-list hold not released and no decision yet: the applicant is told of a manual check only. */
  manualCheck: boolean;
  /** The guest a host registered (a registration at the place of stay), so a host can tell them apart. */
  guestName: string | null;
}

const summaryColumns = {
  id: cases.id,
  number: cases.number,
  typeCode: cases.typeCode,
  typeVersion: cases.typeVersion,
  state: cases.state,
  category: cases.category,
  submittedAt: cases.submittedAt,
  deadlineDate: cases.deadlineDate,
  pausedSince: cases.pausedSince,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  manualCheck: sql<boolean>`coalesce(${cases.hold} ->> 'status' in ('open', 'confirmed') and ${cases.outcome} is null, false)`,
  guestName: sql<
    string | null
  >`case when ${cases.typeCode} = ${guestRegistrationType} then ${cases.answers} ->> ${guestNameAnswer} end`,
};

/** The most an account's dashboard lists; a host with more finds the rest through the API. */
const listLimit = 500;

/** The signed-in person's applications and drafts, newest first; listing them is audited. */
export async function listOwnApplications(context: CasesContext): Promise<ApplicationSummary[]> {
  const { principal } = context;
  if (!principal) return [];
  const rows = await context.db
    .select(summaryColumns)
    .from(cases)
    .where(eq(cases.applicantUserId, principal.userId))
    .orderBy(desc(cases.createdAt), desc(cases.number))
    .limit(listLimit);
  // Apart, not with an `or`: the account's own cases come through its index, and a host's thousands
  // of registrations must not turn the list into a scan of every case.
  const represented = await representedCaseIds(context.db, principal.userId);
  if (represented.length > 0) {
    const theirs = await context.db.select(summaryColumns).from(cases).where(inArray(cases.id, represented));
    rows.push(...theirs.filter((row) => !rows.some((own) => own.id === row.id)));
    rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.number < b.number ? 1 : -1));
  }
  await recordAudit(context.db, {
    actor: actorOf(principal),
    action: "case.list_viewed",
    outcome: "success",
    entityType: "case",
    ip: context.ip,
    requestId: context.requestId,
    details: { count: rows.length },
  });
  return rows;
}
