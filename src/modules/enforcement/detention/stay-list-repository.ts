import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { detentionPlacements } from "../schema.js";
import type { Placement, PlacementScope, PlacementStatus } from "./detention-records.js";
import { inScope, placementOf } from "./detention-repository.js";

/** The register's list as the repository narrows it; the operation has resolved names and centres. */
export interface StayQuery {
  scope: PlacementScope;
  centreId: string | null;
  status: PlacementStatus | null;
  /** Running stays whose last lawful day is before this day. */
  overdueOn: string | null;
  /** Stays in detention on at least one day of the period (both ends included). */
  from: string | null;
  to: string | null;
  /** Any of: one of these persons, a court case number containing the text, a placement reference. */
  search: { personIds: string[]; reference: string; placementIdPrefix: string | null } | null;
}

function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function searchCondition(search: NonNullable<StayQuery["search"]>): SQL | undefined {
  return or(
    search.personIds.length > 0 ? inArray(detentionPlacements.personId, search.personIds) : undefined,
    search.reference
      ? ilike(detentionPlacements.courtDecisionReference, likeContaining(search.reference))
      : undefined,
    search.placementIdPrefix
      ? sql`${detentionPlacements.id}::text like ${`${search.placementIdPrefix}%`}`
      : undefined,
  );
}

function conditionOf(query: StayQuery): SQL | undefined {
  const search = query.search ? (searchCondition(query.search) ?? sql`false`) : undefined;
  return and(
    inScope(query.scope),
    query.centreId ? eq(detentionPlacements.centreId, query.centreId) : undefined,
    query.status ? eq(detentionPlacements.status, query.status) : undefined,
    query.overdueOn
      ? and(eq(detentionPlacements.status, "placed"), lt(detentionPlacements.permittedUntil, query.overdueOn))
      : undefined,
    query.to ? lte(detentionPlacements.startDate, query.to) : undefined,
    query.from
      ? or(isNull(detentionPlacements.endedOn), gte(detentionPlacements.endedOn, query.from))
      : undefined,
    search,
  );
}

/**
 * One page of the register's stays and how many there are in all. Running stays come first, by
 * their last lawful day (the next date the law sets: overdue ones first), then ended stays, the
 * latest ended first; the id breaks ties so that pages never overlap.
 */
export async function stayPage(
  db: Queryable,
  query: StayQuery,
  page: { limit: number; offset: number },
): Promise<{ total: number; placements: Placement[] }> {
  const where = conditionOf(query);
  const running = sql`(${detentionPlacements.status} = 'placed')`;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(detentionPlacements)
      .where(where)
      .orderBy(
        desc(running),
        sql`case when ${running} then ${detentionPlacements.permittedUntil} end asc`,
        desc(detentionPlacements.endedOn),
        asc(detentionPlacements.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(detentionPlacements).where(where),
  ]);
  return { total: totals[0]?.total ?? 0, placements: rows.map(placementOf) };
}
