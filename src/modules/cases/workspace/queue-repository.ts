import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { cases } from "../schema.js";
import type { RiskCutoff } from "./deadline-risk.js";
import { answerWordsVector, nameWords, type QueueSearch, sqlLiteral, wordPattern } from "./queue-search.js";

/** Who sees which cases: the officer's own agency, or every agency (`scope.all_agencies`). */
export interface QueueScope {
  agencyId: string | null;
  userId: string;
  /** Leaves out the case types the person may not see at all (`access.read`); none when absent. */
  readableTypes?: SQL | undefined;
}

export type AssignedFilter = "anyone" | "me" | "unassigned";
export type RiskFilter = "any" | "overdue" | "due-soon" | "at-risk" | "paused";

export interface QueueCriteria {
  typeCode?: string | undefined;
  /** One of the active states (open or waiting) of the case types; without one, all of them. */
  state?: string | undefined;
  agencyId?: string | undefined;
  assigned: AssignedFilter;
  risk: RiskFilter;
  today: string;
  /** The last deadline that is "due soon" (today + N working days). */
  dueSoonUntil: string;
  riskCutoffs: RiskCutoff[];
  /** What the officer searched for (a case number, document number, date of birth or name). */
  search?: QueueSearch | undefined;
}

export interface QueueRow {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  state: string;
  category: string;
  agencyId: string;
  assignedTo: string | null;
  expressTier: string | null;
  submittedAt: Date | null;
  legalStartDate: string | null;
  deadlineDate: string | null;
  pausedSince: string | null;
  pauses: Array<{ from: string; to: string | null }>;
}

/** A position in the queue: the deadline (null for a stopped clock) and the id that breaks ties. */
export interface QueueCursor {
  deadline: string | null;
  id: string;
}

const columns = {
  id: cases.id,
  number: cases.number,
  typeCode: cases.typeCode,
  typeVersion: cases.typeVersion,
  state: cases.state,
  category: cases.category,
  agencyId: cases.agencyId,
  assignedTo: cases.assignedTo,
  expressTier: cases.expressTier,
  submittedAt: cases.submittedAt,
  legalStartDate: cases.legalStartDate,
  deadlineDate: cases.deadlineDate,
  pausedSince: cases.pausedSince,
  pauses: cases.pauses,
};

// Written out (not bound parameters) so that the planner matches the partial queue indexes.
const activeCategories = sql`${cases.category} in ('open', 'waiting')`;

function atRiskCondition(cutoffs: RiskCutoff[]): SQL {
  if (cutoffs.length === 0) return sql`false`;
  const latest = cutoffs
    .map((one) => one.cutoff)
    .sort()
    .at(-1) as string;
  const perLegalTime = cutoffs.map(
    (one) =>
      sql`(${cases.typeCode} = ${one.typeCode} and ${cases.typeVersion} = ${one.typeVersion} and ${
        one.expressTier === null
          ? sql`${cases.expressTier} is null`
          : sql`${cases.expressTier} = ${one.expressTier}`
      } and ${cases.deadlineDate} <= ${one.cutoff})`,
  );
  // The overall bound lets the deadline index narrow the range before the per-type check.
  return sql`(${cases.deadlineDate} <= ${latest} and (${sql.join(perLegalTime, sql` or `)}))`;
}

/** The WHERE clause of a queue: never drafts; the scope, then each filter. */
export function queueConditions(scope: QueueScope, criteria: QueueCriteria): SQL[] {
  const conditions: SQL[] = [];
  const agencyId = scope.agencyId ?? criteria.agencyId;
  if (agencyId) conditions.push(eq(cases.agencyId, agencyId));
  if (scope.readableTypes) conditions.push(scope.readableTypes);
  // Queues hold work to do: open and waiting cases (drafts, decided and closed cases are not in them).
  conditions.push(activeCategories);
  if (criteria.state) conditions.push(eq(cases.state, criteria.state));
  if (criteria.typeCode) conditions.push(eq(cases.typeCode, criteria.typeCode));
  if (criteria.assigned === "me") conditions.push(eq(cases.assignedTo, scope.userId));
  if (criteria.assigned === "unassigned") conditions.push(isNull(cases.assignedTo));
  if (criteria.search) conditions.push(searchCondition(criteria.search));
  switch (criteria.risk) {
    case "overdue":
      conditions.push(sql`${cases.deadlineDate} < ${criteria.today}`);
      break;
    case "due-soon":
      conditions.push(sql`${cases.deadlineDate} >= ${criteria.today}`);
      conditions.push(sql`${cases.deadlineDate} <= ${criteria.dueSoonUntil}`);
      break;
    case "at-risk":
      conditions.push(atRiskCondition(criteria.riskCutoffs));
      break;
    case "paused":
      // A stopped clock has no deadline: saying so keeps the filter inside the queue index.
      conditions.push(isNotNull(cases.pausedSince));
      conditions.push(isNull(cases.deadlineDate));
      break;
    case "any":
      break;
  }
  return conditions;
}

/** `like` treats these as wildcards; a searched text matches them as they are. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The searched rows' alias inside the search's subquery. */
const searched = "searched";

/**
 * A name: every word of the term begins a word of the answers (the GIN index on their folded
 * words finds those cases) and is in the person's own name answers (checked on those few).
 */
function nameCondition(name: NonNullable<QueueSearch["name"]>): SQL | null {
  const words = nameWords(name.folded);
  if (words.length === 0 || name.fields.length === 0) return null;
  const query = words.map((word) => `(${word.withA}:* | ${word.withE}:*)`).join(" & ");
  // A regular expression on the few rows the index found: the words are in the person's name.
  const inNames = words.map((word) => {
    const pattern = wordPattern(word.withA);
    return sql`(${sql.join(
      name.fields.map(
        (field) => sql`(${sql.raw(`${searched}.answers ->> ${sqlLiteral(field)}`)}) ~* ${pattern}`,
      ),
      sql` or `,
    )})`;
  });
  return sql`(${sql.raw(answerWordsVector(`${searched}.answers`))} @@ to_tsquery('simple', ${query}) and ${sql.join(inNames, sql` and `)})`;
}

/**
 * Any of the readings of a search term, each through an index: dates of birth and document
 * numbers through the GIN index on the answers (`@>`), case numbers through their prefix index,
 * names through the words index. As a subquery (`id in (…)`), so that it is one bitmap scan of
 * those indexes whatever order the queue is read in.
 */
export function searchCondition(search: QueueSearch): SQL {
  const alternatives: SQL[] = [];
  const contains = (probe: Record<string, string>) =>
    sql`${sql.raw(`${searched}.answers`)} @> ${JSON.stringify(probe)}::jsonb`;
  for (const field of search.birthDate?.fields ?? []) {
    alternatives.push(contains({ [field]: search.birthDate?.iso as string }));
  }
  if (search.referencePrefix) {
    alternatives.push(
      sql`${sql.raw(`${searched}.number`)} like ${`${likeLiteral(search.referencePrefix)}%`}`,
    );
  }
  for (const field of search.documentNumber?.fields ?? []) {
    alternatives.push(contains({ [field]: search.documentNumber?.value as string }));
  }
  const name = search.name ? nameCondition(search.name) : null;
  if (name) alternatives.push(name);
  if (alternatives.length === 0) return sql`false`;
  return sql`${cases.id} in (select ${sql.raw(`${searched}.id`)} from ${cases} as ${sql.raw(searched)}
    where ${sql.raw(`${searched}.category`)} in ('open', 'waiting') and (${sql.join(alternatives, sql` or `)}))`;
}

export type QueueSegment = "dated" | "undated";

/**
 * The parts of the queue a filter can match: a stopped clock has no deadline, a deadline filter
 * needs one. Reading only those keeps a rare filter from walking the whole index.
 */
export function queueSegments(criteria: Pick<QueueCriteria, "risk">): QueueSegment[] {
  if (criteria.risk === "paused") return ["undated"];
  if (criteria.risk === "any") return ["dated", "undated"];
  return ["dated"];
}

/**
 * Rows after a cursor, in deadline order: "asc" is the most at risk first (earliest deadline;
 * stopped clocks, which have none, last), "desc" exactly the reverse. Keyset pages stay as fast
 * on page 1000 as on page 1: each segment is one range of the queue index.
 */
export async function queueRowsAfter(
  db: Queryable,
  conditions: SQL[],
  cursor: QueueCursor | null,
  order: "asc" | "desc",
  limit: number,
  matching: QueueSegment[] = ["dated", "undated"],
): Promise<QueueRow[]> {
  const inOrder: QueueSegment[] = order === "asc" ? ["dated", "undated"] : ["undated", "dated"];
  const segments = inOrder.filter((segment) => matching.includes(segment));
  const rows: QueueRow[] = [];
  let started = cursor === null;
  for (const segment of segments) {
    const cursorSegment: QueueSegment | null = cursor
      ? cursor.deadline === null
        ? "undated"
        : "dated"
      : null;
    const segmentConditions = [
      ...conditions,
      segment === "dated" ? isNotNull(cases.deadlineDate) : isNull(cases.deadlineDate),
    ];
    if (!started) {
      if (segment !== cursorSegment) continue;
      started = true;
      const after = order === "asc" ? sql`>` : sql`<`;
      segmentConditions.push(
        segment === "dated"
          ? sql`(${cases.deadlineDate}, ${cases.id}) ${after} (${cursor?.deadline}::date, ${cursor?.id}::uuid)`
          : sql`${cases.id} ${after} ${cursor?.id}::uuid`,
      );
    }
    const direction = order === "asc" ? asc : desc;
    const found = await db
      .select(columns)
      .from(cases)
      .where(and(...segmentConditions))
      // Both segments sort by (deadline, id), the order of the index, even where the deadline is null.
      .orderBy(direction(cases.deadlineDate), direction(cases.id))
      .limit(limit - rows.length);
    rows.push(...found);
    if (rows.length >= limit) break;
  }
  return rows;
}

/** How many cases match, counted up to a cap: "more than 1000" is all a queue needs to say. */
export async function countQueue(db: Queryable, conditions: SQL[], cap: number): Promise<number> {
  const limited = db
    .select({ one: sql`1` })
    .from(cases)
    .where(and(...conditions))
    .limit(cap + 1)
    .as("limited");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(limited);
  return row?.count ?? 0;
}

/** Overdue active cases per agency, for those who see every agency. */
export async function countOverdueByAgency(
  db: Queryable,
  today: string,
  readableTypes?: SQL | undefined,
): Promise<Array<{ agencyId: string; count: number }>> {
  return db
    .select({ agencyId: cases.agencyId, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(activeCategories, sql`${cases.deadlineDate} < ${today}`, readableTypes))
    .groupBy(cases.agencyId)
    .orderBy(sql`count(*) desc`);
}
