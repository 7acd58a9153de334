import { auditDetention } from "../detention-access.js";
import { type DetentionContext, legalToday } from "../detention-context.js";
import type { Centre, Extension, Placement, Review } from "../detention-records.js";
import { alertsOf, extensionsOf, findCentre, reviewsOf } from "../detention-repository.js";
import {
  absoluteLimit,
  headNoticeDate,
  latestExtensionEnd,
  releaseDueDate,
  type StayStanding,
  stayStanding,
} from "../time-limits.js";
import { type PersonSummary, summariesOf } from "./detained-persons.js";
import { authorizedPlacement } from "./placement-to-change.js";

export interface PlacementFile {
  placement: Placement;
  centre: Centre | null;
  person: PersonSummary | null;
  extensions: Extension[];
  reviews: Review[];
  alerts: Array<{ kind: "expiring" | "overdue"; forDate: string; sentAt: Date }>;
  today: string;
  standing: StayStanding | "ended";
  noticeDate: string;
  releaseDue: string;
  /** The latest day an extension recorded now may reach, and the law's absolute limit. */
  longestExtension: string;
  absoluteLimit: string;
}

/** Everything about one placement, for its page; the read is audited. */
export async function placementFile(context: DetentionContext, placementId: string): Promise<PlacementFile> {
  const { placement } = await authorizedPlacement(context, placementId);
  const [centre, extensions, reviews, alerts, persons] = await Promise.all([
    findCentre(context.db, placement.centreId),
    extensionsOf(context.db, placementId),
    reviewsOf(context.db, placementId),
    alertsOf(context.db, [placementId]),
    summariesOf(context, [placement.personId]),
  ]);
  await auditDetention(context, context.db, "detention_placement.viewed", {
    entityType: "detention_placement",
    entityId: placementId,
  });
  const today = legalToday(context);
  return {
    placement,
    centre,
    person: persons.get(placement.personId) ?? null,
    extensions,
    reviews,
    alerts,
    today,
    standing:
      placement.status === "placed"
        ? stayStanding(context.law, context.calendar, placement.permittedUntil, today)
        : "ended",
    noticeDate: headNoticeDate(context.law, context.calendar, placement.permittedUntil),
    releaseDue: releaseDueDate(placement.permittedUntil),
    longestExtension: latestExtensionEnd(context.law, placement),
    absoluteLimit: absoluteLimit(context.law, placement.startDate),
  };
}
