import { asc, eq, sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
import { ConflictError } from "../../../platform/errors/index.js";
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

/** An event as the raw queries below select it (a case's id comes with no event in a left join). */
interface EventRow {
  case_id: string;
  seq: number | null;
  type: string;
  payload: Record<string, unknown>;
  actor_type: EventActor["type"];
  actor_id: string | null;
  /** The instant in seconds since 1970, to the microsecond (`instantOf` below). */
  at_epoch: number;
}

/**
 * The instant as a number, which costs the server and this process a fraction of what a
 * timestamp's text and its parsing into a Date do (a rebuild reads ten million of them).
 */
const atEpoch = sql`date_part('epoch', e.at) as at_epoch`;

/**
 * The Date the driver would have made of the timestamp: whole microseconds first (the double is
 * within a fraction of one), then floored to the millisecond as the driver's parsing does.
 */
function instantOf(epochSeconds: number): Date {
  return new Date(Math.floor(Math.round(epochSeconds * 1e6) / 1000));
}

/**
 * Groups rows ordered by case and seq into histories. Raw rows, not the query builder's: loading
 * histories is most of the work of a statistics projection or rebuild.
 */
function historiesOfRows(
  rows: EventRow[],
  histories = new Map<string, CaseEvent[]>(),
): Map<string, CaseEvent[]> {
  for (const row of rows) {
    let history = histories.get(row.case_id);
    if (!history) {
      history = [];
      histories.set(row.case_id, history);
    }
    if (row.seq === null) continue;
    history.push({
      type: row.type,
      payload: row.payload,
      caseId: row.case_id,
      seq: row.seq,
      actor: { type: row.actor_type, id: row.actor_id },
      at: instantOf(row.at_epoch),
    } as CaseEvent);
  }
  return histories;
}

/** The histories of several cases in one query, by case id (each in order). */
export async function loadEventsOfCases(db: Queryable, caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
  const histories = new Map<string, CaseEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return histories;
  const rows = await queryRows<EventRow>(
    db,
    sql`select case_id, seq, type, payload, actor_type, actor_id, ${atEpoch} from case_events e
        where case_id = ${anyOf(caseIds, "uuid")}
        order by case_id, seq`,
  );
  return historiesOfRows(rows, histories);
}

/**
 * The histories of the next `limit` cases in id order after `after` (null: from the first) and up
 * to `upTo` (null: to the last), for projections rebuilt from all events. One query per page, so
 * that the next page can be read while the caller works on this one. `lastCaseId` is null when no
 * case is left.
 */
export async function historiesAfter(
  db: Queryable,
  after: string | null,
  limit: number,
  upTo: string | null = null,
): Promise<{ lastCaseId: string | null; histories: Map<string, CaseEvent[]> }> {
  const from = after ?? "00000000-0000-0000-0000-000000000000";
  // The page's events are one range of the (case_id, seq) key: joined by id alone, the planner
  // would hash the whole event table for every page.
  const rows = await queryRows<EventRow>(
    db,
    sql`with page as (
          select id from cases
          where ${after === null ? sql`true` : sql`id > ${from}::uuid`} and ${upTo === null ? sql`true` : sql`id <= ${upTo}::uuid`}
          order by id limit ${limit}
        )
        select page.id as case_id, e.seq, e.type, e.payload, e.actor_type, e.actor_id, ${atEpoch}
        from page left join case_events e on e.case_id = page.id
          and e.case_id >= ${from}::uuid and e.case_id <= (select id from page order by id desc limit 1)
        order by page.id, e.seq`,
  );
  return { lastCaseId: rows.at(-1)?.case_id ?? null, histories: historiesOfRows(rows) };
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
