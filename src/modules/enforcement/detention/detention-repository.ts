import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import {
  detentionAlerts,
  detentionCentres,
  detentionExtensions,
  detentionPlacements,
  detentionReviews,
} from "../schema.js";
import type {
  Centre,
  Extension,
  OccupancyDay,
  Placement,
  PlacementScope,
  Review,
} from "./detention-records.js";
import { addDays } from "./time-limits.js";

type CentreRow = typeof detentionCentres.$inferSelect;
type PlacementRow = typeof detentionPlacements.$inferSelect;

function centreOf(row: CentreRow): Centre {
  return {
    id: row.id,
    code: row.code,
    names: row.names,
    region: row.region,
    capacity: row.capacity,
    headEmail: row.headEmail,
    headLocale: row.headLocale,
  };
}

/** The condition that keeps the placements of the scope. */
export function inScope(scope: PlacementScope) {
  if (scope === "all") return undefined;
  return scope.agencyId
    ? eq(detentionPlacements.agencyId, scope.agencyId)
    : isNull(detentionPlacements.agencyId);
}

export function placementOf(row: PlacementRow): Placement {
  return {
    id: row.id,
    personId: row.personId,
    centreId: row.centreId,
    agencyId: row.agencyId,
    legalBasis: row.legalBasis,
    orderingAuthority: row.orderingAuthority,
    courtDecisionReference: row.courtDecisionReference,
    startDate: row.startDate,
    initialUntil: row.initialUntil,
    permittedUntil: row.permittedUntil,
    status: row.status,
    responsibleOfficerId: row.responsibleOfficerId,
    endedOn: row.endedOn,
    endRecord: row.endRecord,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCentres(db: Queryable): Promise<Centre[]> {
  const rows = await db.select().from(detentionCentres).orderBy(asc(detentionCentres.code));
  return rows.map(centreOf);
}

export async function findCentre(db: Queryable, id: string): Promise<Centre | null> {
  const [row] = await db.select().from(detentionCentres).where(eq(detentionCentres.id, id));
  return row ? centreOf(row) : null;
}

export async function insertCentre(
  db: Queryable,
  row: typeof detentionCentres.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(detentionCentres)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: detentionCentres.id });
  return inserted.length > 0;
}

export async function insertPlacement(db: Queryable, row: typeof detentionPlacements.$inferInsert) {
  await db.insert(detentionPlacements).values(row);
}

/** A placement; `forUpdate` locks it so that two extensions of one stay cannot cross. */
export async function findPlacement(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Placement | null> {
  const query = db.select().from(detentionPlacements).where(eq(detentionPlacements.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? placementOf(row) : null;
}

export async function setPermittedUntil(db: Queryable, id: string, until: string) {
  await db.update(detentionPlacements).set({ permittedUntil: until }).where(eq(detentionPlacements.id, id));
}

export async function markPlacementEnded(
  db: Queryable,
  id: string,
  end: { status: "released" | "removed"; on: string; record: string; by: string },
) {
  await db
    .update(detentionPlacements)
    .set({ status: end.status, endedOn: end.on, endRecord: end.record, endedBy: end.by })
    .where(eq(detentionPlacements.id, id));
}

export async function insertExtension(db: Queryable, row: typeof detentionExtensions.$inferInsert) {
  await db.insert(detentionExtensions).values(row);
}

export async function insertReview(db: Queryable, row: typeof detentionReviews.$inferInsert) {
  await db.insert(detentionReviews).values(row);
}

export async function extensionsOf(db: Queryable, placementId: string): Promise<Extension[]> {
  const rows = await db
    .select()
    .from(detentionExtensions)
    .where(eq(detentionExtensions.placementId, placementId))
    .orderBy(asc(detentionExtensions.recordedAt));
  return rows.map((row) => ({
    id: row.id,
    previousUntil: row.previousUntil,
    newUntil: row.newUntil,
    decisionReference: row.decisionReference,
    decidedBy: row.decidedBy,
    decidedOn: row.decidedOn,
    documentId: row.documentId,
    documentName: row.documentName,
    recordedAt: row.recordedAt.toISOString(),
  }));
}

export async function reviewsOf(db: Queryable, placementId: string): Promise<Review[]> {
  const rows = await db
    .select()
    .from(detentionReviews)
    .where(eq(detentionReviews.placementId, placementId))
    .orderBy(desc(detentionReviews.reviewedOn), desc(detentionReviews.recordedAt));
  return rows.map((row) => ({
    id: row.id,
    reviewedOn: row.reviewedOn,
    outcome: row.outcome,
    notes: row.notes,
    recordedAt: row.recordedAt.toISOString(),
  }));
}

/**
 * Stays still running whose last lawful day is at most `untilAtMost`, earliest first: the overdue
 * ones and those whose notice day may have come. Narrowed to an agency unless `agencyId` is null.
 */
export async function runningPlacementsEndingBy(
  db: Queryable,
  untilAtMost: string,
  scope: PlacementScope,
): Promise<Placement[]> {
  const rows = await db
    .select()
    .from(detentionPlacements)
    .where(
      and(
        eq(detentionPlacements.status, "placed"),
        lte(detentionPlacements.permittedUntil, untilAtMost),
        inScope(scope),
      ),
    )
    .orderBy(asc(detentionPlacements.permittedUntil), asc(detentionPlacements.id));
  return rows.map(placementOf);
}

/**
 * Each centre's occupancy on each day from `from` to `to`: present at the day's end (started on or
 * before it, not ended by it), arrivals (started that day), releases and removals (ended that day).
 * Only centres with a stay in the period are in the map. Each stay touches only its own days, so a
 * year of a busy centre costs its stays' lengths, not stays times days.
 */
export async function occupancyByDay(
  db: Queryable,
  from: string,
  to: string,
): Promise<Map<string, OccupancyDay[]>> {
  const rows = await db
    .select({
      centreId: detentionPlacements.centreId,
      startDate: detentionPlacements.startDate,
      endedOn: detentionPlacements.endedOn,
    })
    .from(detentionPlacements)
    .where(
      and(
        lte(detentionPlacements.startDate, to),
        or(isNull(detentionPlacements.endedOn), gte(detentionPlacements.endedOn, from)),
      ),
    );
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const indexOf = new Map(days.map((date, index) => [date, index]));
  const byCentre = new Map<string, OccupancyDay[]>();
  for (const row of rows) {
    let figures = byCentre.get(row.centreId);
    if (!figures) {
      figures = days.map((date) => ({ date, present: 0, arrivals: 0, releases: 0 }));
      byCentre.set(row.centreId, figures);
    }
    const arrival = indexOf.get(row.startDate);
    if (arrival !== undefined) (figures[arrival] as OccupancyDay).arrivals++;
    const departure = row.endedOn === null ? undefined : indexOf.get(row.endedOn);
    if (departure !== undefined) (figures[departure] as OccupancyDay).releases++;
    // Present from the first day until the day before the end (the person leaves during that day).
    const first = row.startDate < from ? 0 : (arrival ?? days.length);
    const last = row.endedOn === null || row.endedOn > to ? days.length - 1 : (departure ?? 0) - 1;
    for (let index = first; index <= last; index++) (figures[index] as OccupancyDay).present++;
  }
  return byCentre;
}

/** Claims an alert; false when it was claimed before (sent by an earlier run). */
export async function claimAlert(
  db: Queryable,
  alert: { placementId: string; kind: "expiring" | "overdue"; forDate: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(detentionAlerts)
    .values({ placementId: alert.placementId, kind: alert.kind, forDate: alert.forDate, sentAt: alert.at })
    .onConflictDoNothing()
    .returning({ placementId: detentionAlerts.placementId });
  return inserted.length > 0;
}

export async function releaseAlertClaim(
  db: Queryable,
  alert: { placementId: string; kind: "expiring" | "overdue"; forDate: string },
) {
  await db
    .delete(detentionAlerts)
    .where(
      and(
        eq(detentionAlerts.placementId, alert.placementId),
        eq(detentionAlerts.kind, alert.kind),
        eq(detentionAlerts.forDate, alert.forDate),
      ),
    );
}

/** The alerts sent about these placements, newest first (the dashboard shows that each went out). */
export async function alertsOf(
  db: Queryable,
  placementIds: string[],
): Promise<Array<{ placementId: string; kind: "expiring" | "overdue"; forDate: string; sentAt: Date }>> {
  if (placementIds.length === 0) return [];
  return db
    .select()
    .from(detentionAlerts)
    .where(inArray(detentionAlerts.placementId, placementIds))
    .orderBy(desc(detentionAlerts.sentAt));
}
