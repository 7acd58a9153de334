import { auditDetention, authorizeDetention, placementScopeOf } from "../detention-access.js";
import { type DetentionContext, legalToday } from "../detention-context.js";
import type { Centre, Placement } from "../detention-records.js";
import { alertsOf, listCentres, runningPlacementsEndingBy } from "../detention-repository.js";
import { addDays, daysBetween, headNoticeDate, type StayStanding, stayStanding } from "../time-limits.js";
import { type PersonSummary, summariesOf } from "./detained-persons.js";

/**
 * Stays ending within this many calendar days are looked at for the "expiring" list: more than any
 * run of non-working days, so that every stay whose notice day has come is among them.
 */
const lookAheadDays = 21;

export interface StayAtRisk {
  placement: Placement;
  person: PersonSummary | null;
  centre: Centre | undefined;
  standing: StayStanding;
  noticeDate: string;
  /** Calendar days past the last lawful day (overdue stays). */
  daysOver: number;
  /** The alerts already sent about the current period (or today's overrun). */
  alerted: boolean;
}

export interface DetentionDashboard {
  today: string;
  overdue: StayAtRisk[];
  expiring: StayAtRisk[];
}

/**
 * The dashboard: overdue stays first (every day past the last lawful day is an unlawful one), then
 * those whose notice day has come. Officers see the stays of their agency (all with
 * `scope.all_agencies`). Audited.
 */
export async function detentionDashboard(context: DetentionContext): Promise<DetentionDashboard> {
  await authorizeDetention(context);
  const today = legalToday(context);
  const running = await runningPlacementsEndingBy(
    context.db,
    addDays(today, lookAheadDays),
    placementScopeOf(context),
  );
  const atRisk = running
    .map((placement) => ({
      placement,
      standing: stayStanding(context.law, context.calendar, placement.permittedUntil, today),
    }))
    .filter((one) => one.standing !== "in_time");
  const [centres, persons, alerts] = await Promise.all([
    listCentres(context.db),
    summariesOf(
      context,
      atRisk.map((one) => one.placement.personId),
    ),
    alertsOf(
      context.db,
      atRisk.map((one) => one.placement.id),
    ),
  ]);
  await auditDetention(context, context.db, "detention_dashboard.viewed", {
    entityType: "detention_placement",
    details: { listed: atRisk.length },
  });
  const rows: StayAtRisk[] = atRisk.map(({ placement, standing }) => ({
    placement,
    standing,
    person: persons.get(placement.personId) ?? null,
    centre: centres.find((centre) => centre.id === placement.centreId),
    noticeDate: headNoticeDate(context.law, context.calendar, placement.permittedUntil),
    daysOver: Math.max(0, daysBetween(placement.permittedUntil, today)),
    alerted: alerts.some(
      (alert) =>
        alert.placementId === placement.id &&
        (standing === "overdue"
          ? alert.kind === "overdue" && alert.forDate === today
          : alert.kind === "expiring" && alert.forDate === placement.permittedUntil),
    ),
  }));
  return {
    today,
    overdue: rows.filter((row) => row.standing === "overdue"),
    expiring: rows.filter((row) => row.standing !== "overdue"),
  };
}
