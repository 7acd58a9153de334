import { auditDetention, authorizeDetention } from "../detention-access.js";
import { type DetentionContext, legalToday } from "../detention-context.js";
import type { Centre, OccupancyDay, Placement } from "../detention-records.js";
import { alertsOf, listCentres, occupancyByDay, runningPlacementsEndingBy } from "../detention-repository.js";
import { addDays, headNoticeDate, type StayStanding, stayStanding } from "../time-limits.js";
import { type PersonSummary, summariesOf } from "./detained-persons.js";

/** How many days the occupancy table shows, ending today. */
const occupancyDays = 7;
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
  centres: Array<{ centre: Centre; days: OccupancyDay[] }>;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The dashboard: overdue stays first (every day past the last lawful day is an unlawful one), then
 * those whose notice day has come, then each centre's occupancy over the last days. Officers see the
 * stays of their agency (all with `scope.all_agencies`); occupancy counts everyone. Audited.
 */
export async function detentionDashboard(context: DetentionContext): Promise<DetentionDashboard> {
  await authorizeDetention(context);
  const today = legalToday(context);
  const principal = context.principal;
  const scope = principal?.permissions.has("scope.all_agencies")
    ? ("all" as const)
    : { agencyId: principal?.agencyId ?? null };
  const running = await runningPlacementsEndingBy(context.db, addDays(today, lookAheadDays), scope);
  const atRisk = running
    .map((placement) => ({
      placement,
      standing: stayStanding(context.law, context.calendar, placement.permittedUntil, today),
    }))
    .filter((one) => one.standing !== "in_time");
  const [centres, occupancy, persons, alerts] = await Promise.all([
    listCentres(context.db),
    occupancyByDay(context.db, addDays(today, 1 - occupancyDays), today),
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
  const emptyDays = (): OccupancyDay[] =>
    Array.from({ length: occupancyDays }, (_, index) => ({
      date: addDays(today, index + 1 - occupancyDays),
      present: 0,
      arrivals: 0,
      releases: 0,
    }));
  return {
    today,
    overdue: rows.filter((row) => row.standing === "overdue"),
    expiring: rows.filter((row) => row.standing !== "overdue"),
    centres: centres.map((centre) => ({ centre, days: occupancy.get(centre.id) ?? emptyDays() })),
  };
}
