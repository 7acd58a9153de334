import { eq, sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
import { cases, caseTasks } from "../schema.js";
import type { AttachedDocument, CaseDecision, CaseHold, CaseState } from "./case-state.js";

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const date = (value: string | null) => (value ? new Date(value) : null);

/** The `cases` row of a state: what every read model of a case is built from. */
export function caseProjectionRow(state: CaseState): typeof cases.$inferInsert & { id: string } {
  const openPause = state.pauses.at(-1);
  return {
    id: state.id,
    number: state.number,
    typeCode: state.typeCode,
    typeVersion: state.typeVersion,
    state: state.state,
    category: state.category,
    applicantUserId: state.applicantUserId,
    agencyId: state.agencyId,
    assignedTo: state.assignedTo,
    expressTier: state.expressTier,
    answers: state.answers,
    submittedAt: date(state.submittedAt),
    legalStartDate: state.legalStartDate,
    deadlineDate: state.deadlineDate,
    pausedSince: openPause && openPause.to === null ? openPause.from : null,
    pauses: state.pauses,
    documents: state.documents,
    requestedDocuments: state.requestedDocuments,
    decision: state.decision as Record<string, unknown> | null,
    outcome: state.decision?.issued ? state.decision.outcome : null,
    decidedAt: date(state.decidedAt),
    hold: state.hold as Record<string, unknown> | null,
    feePaid: state.feePaid,
    lastSeq: state.lastSeq,
    createdAt: new Date(state.createdAt),
    updatedAt: new Date(state.updatedAt),
  };
}

/** The `case_tasks` rows of a state. */
export function taskProjectionRows(state: CaseState): Array<typeof caseTasks.$inferInsert & { id: string }> {
  return state.tasks.map((task) => ({
    id: task.taskId,
    caseId: state.id,
    code: task.code,
    agencyId: task.agencyId,
    mandatory: task.mandatory,
    status: task.status,
    result: task.result,
    comment: task.comment,
    completedBy: task.completedBy,
    createdAt: new Date(task.createdAt),
    completedAt: date(task.completedAt),
  }));
}

/** Writes a case's projection (row and tasks) exactly as the state says. */
export async function saveCaseProjection(db: Queryable, state: CaseState): Promise<void> {
  const row = caseProjectionRow(state);
  const { id: _id, ...changes } = row;
  await db.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: changes });
  for (const taskRow of taskProjectionRows(state)) {
    const { id: _taskId, ...taskChanges } = taskRow;
    await db.insert(caseTasks).values(taskRow).onConflictDoUpdate({ target: caseTasks.id, set: taskChanges });
  }
}

/** Reads a case's projection back into its state; null when there is no such case. */
export async function loadCaseState(db: Queryable, caseId: string): Promise<CaseState | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!row) return null;
  const tasks = await db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId));
  return {
    id: row.id,
    number: row.number,
    typeCode: row.typeCode,
    typeVersion: row.typeVersion,
    state: row.state,
    category: row.category,
    applicantUserId: row.applicantUserId,
    agencyId: row.agencyId,
    assignedTo: row.assignedTo,
    expressTier: row.expressTier,
    answers: row.answers,
    documents: row.documents as AttachedDocument[],
    requestedDocuments: row.requestedDocuments,
    feePaid: row.feePaid,
    submittedAt: iso(row.submittedAt),
    legalStartDate: row.legalStartDate,
    pauses: row.pauses,
    deadlineDate: row.deadlineDate,
    decision: row.decision as CaseDecision | null,
    decidedAt: iso(row.decidedAt),
    hold: row.hold as CaseHold | null,
    tasks: tasks
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((task) => ({
        taskId: task.id,
        code: task.code,
        agencyId: task.agencyId,
        mandatory: task.mandatory,
        status: task.status,
        result: task.result,
        comment: task.comment,
        completedBy: task.completedBy,
        createdAt: task.createdAt.toISOString(),
        completedAt: iso(task.completedAt),
      })),
    lastSeq: row.lastSeq,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a case's projection row says of the case as it stands (no tasks, documents or pauses). */
export type CaseStanding = Pick<
  CaseState,
  | "id"
  | "typeCode"
  | "typeVersion"
  | "answers"
  | "submittedAt"
  | "legalStartDate"
  | "deadlineDate"
  | "decision"
  | "decidedAt"
>;

interface StandingRow {
  id: string;
  type_code: string;
  type_version: number;
  answers: Record<string, unknown>;
  submitted_at: Date | null;
  legal_start_date: string | null;
  deadline_date: string | null;
  decision: CaseDecision | null;
  decided_at: Date | null;
}

/** The projection rows of those of these cases that are of these types, by id. */
export async function loadCaseStandings(
  db: Queryable,
  caseIds: string[],
  typeCodes: readonly string[],
): Promise<Map<string, CaseStanding>> {
  const standings = new Map<string, CaseStanding>();
  if (caseIds.length === 0 || typeCodes.length === 0) return standings;
  const rows = await queryRows<StandingRow>(
    db,
    sql`select id, type_code, type_version, answers, submitted_at, legal_start_date::text as legal_start_date,
          deadline_date::text as deadline_date, decision, decided_at
        from cases where id = ${anyOf(caseIds, "uuid")} and type_code = ${anyOf(typeCodes)}`,
  );
  for (const row of rows) {
    standings.set(row.id, {
      id: row.id,
      typeCode: row.type_code,
      typeVersion: row.type_version,
      answers: row.answers,
      submittedAt: iso(row.submitted_at && new Date(row.submitted_at)),
      legalStartDate: row.legal_start_date,
      deadlineDate: row.deadline_date,
      decision: row.decision,
      decidedAt: iso(row.decided_at && new Date(row.decided_at)),
    });
  }
  return standings;
}
