import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { cases, caseTasks } from "../schema.js";

export interface TaskQueueRow {
  id: string;
  caseId: string;
  code: string;
  agencyId: string;
  createdAt: Date;
  number: string;
  typeCode: string;
  typeVersion: number;
}

/** Kinds of task a person may do: a task code of a case type. */
export interface TaskKind {
  typeCode: string;
  code: string;
}

const columns = {
  id: caseTasks.id,
  caseId: caseTasks.caseId,
  code: caseTasks.code,
  agencyId: caseTasks.agencyId,
  createdAt: caseTasks.createdAt,
  number: cases.number,
  typeCode: cases.typeCode,
  typeVersion: cases.typeVersion,
};

/** Open tasks of these kinds routed to an agency (every agency when null), oldest first. */
export async function openTasks(
  db: Queryable,
  agencyId: string | null,
  kinds: TaskKind[],
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<TaskQueueRow[]> {
  if (kinds.length === 0) return [];
  return db
    .select(columns)
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        eq(caseTasks.status, "open"),
        agencyId ? eq(caseTasks.agencyId, agencyId) : undefined,
        or(...kinds.map((kind) => and(eq(cases.typeCode, kind.typeCode), eq(caseTasks.code, kind.code)))),
        after
          ? sql`(${caseTasks.createdAt}, ${caseTasks.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(caseTasks.createdAt), asc(caseTasks.id))
    .limit(limit);
}

export async function findTask(db: Queryable, taskId: string) {
  const [row] = await db.select().from(caseTasks).where(eq(caseTasks.id, taskId)).limit(1);
  return row ?? null;
}
