import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { ConflictError } from "../../../platform/http/index.js";
import { caseEvents } from "../schema.js";
import type { CaseEvent, EventActor, PendingCaseEvent } from "./events.js";

/** Someone else changed the case between reading and writing; the loser is told to reload. */
export class ConcurrentCaseChangeError extends ConflictError {
  constructor() {
    super("case_changed", "cases.errors.case_changed");
  }
}

export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: string }).code === "23505") return true;
  }
  return false;
}

/**
 * Appends events after `afterSeq`. The (case_id, seq) key makes this the optimistic lock: if
 * another transaction appended first, the insert fails and the whole change is rolled back.
 */
export async function appendEvents(
  tx: Queryable,
  caseId: string,
  afterSeq: number,
  bodies: PendingCaseEvent[],
  actor: EventActor,
  at: Date,
): Promise<CaseEvent[]> {
  const events = bodies.map(
    (body, index) =>
      ({ ...body, caseId, seq: afterSeq + index + 1, actor: body.actor ?? actor, at }) as CaseEvent,
  );
  if (events.length === 0) return events;
  try {
    await tx.insert(caseEvents).values(
      events.map((event) => ({
        caseId,
        seq: event.seq,
        type: event.type,
        payload: event.payload as Record<string, unknown>,
        actorType: event.actor.type,
        actorId: event.actor.id,
        at,
      })),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConcurrentCaseChangeError();
    throw error;
  }
  return events;
}

function eventOf(row: typeof caseEvents.$inferSelect): CaseEvent {
  return {
    type: row.type,
    payload: row.payload,
    caseId: row.caseId,
    seq: row.seq,
    actor: { type: row.actorType, id: row.actorId },
    at: row.at,
  } as CaseEvent;
}

export async function loadEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
  return rows.map(eventOf);
}

/** The histories of several cases in one query, by case id (each in order). */
export async function loadEventsOfCases(db: Queryable, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const histories = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return histories;
  const rows = await db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, caseIds))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
  for (const row of rows) histories.get(row.caseId)?.push(eventOf(row));
  return histories;
}

/** A case or document number: PREFIX-YEAR-NNNNNN. */
export function formatCaseNumber(prefix: string, year: number, sequenceValue: string | number): string {
  return `${prefix}-${year}-${String(sequenceValue).padStart(6, "0")}`;
}

/** Where the next case or document number comes from (a batch reserves its numbers at once). */
export type CaseNumberSource = (prefix: string, year: number) => Promise<string>;

/** A new case number, e.g. TRP-2026-001234, from one shared sequence. */
export async function nextCaseNumber(db: Queryable, prefix: string, year: number): Promise<string> {
  const [value = "0"] = await reserveCaseNumbers(db, 1);
  return formatCaseNumber(prefix, year, value);
}

/** `count` values of the case number sequence in one round trip (bulk creation, seeding). */
export async function reserveCaseNumbers(db: Queryable, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const result = (await db.execute(
    sql`select nextval('case_number_seq')::text as n from generate_series(1, ${count}::int)`,
  )) as unknown as { rows: Array<{ n: string }> };
  return result.rows.map((row) => row.n);
}
