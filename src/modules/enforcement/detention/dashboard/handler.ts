import type { FastifyReply, FastifyRequest } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { detentionDashboard, type StayAtRisk } from "../operations/detention-dashboard.js";
import { centreName, longDate, queryText } from "../page-helpers.js";

function stayRow(request: FastifyRequest, stay: StayAtRisk) {
  const { t } = request;
  return {
    id: stay.placement.id,
    person: stay.person?.name ?? t("detention.person.unknown"),
    centre: centreName(request, stay.centre),
    permittedUntil: longDate(request, stay.placement.permittedUntil),
    noticeDate: longDate(request, stay.noticeDate),
    standing: t(`detention.standing.${stay.standing}`),
    daysOver: stay.daysOver,
    alerted: stay.alerted ? t("detention.dashboard.alertSent") : t("detention.dashboard.alertPending"),
  };
}

/** GET /detention: overdue stays first, then those ending soon, then each centre's occupancy by day. */
export async function showDashboard(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { t } = request;
  const dashboard = await detentionDashboard(services.enforcement.detention.contextFor(request));
  const done = queryText(request, "done");
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/detention/dashboard/dashboard.njk", {
      title: t("detention.dashboard.title"),
      today: longDate(request, dashboard.today),
      overdue: dashboard.overdue.map((stay) => stayRow(request, stay)),
      expiring: dashboard.expiring.map((stay) => stayRow(request, stay)),
      centres: dashboard.centres.map(({ centre, days }) => ({
        id: centre.id,
        name: centreName(request, centre),
        capacity: centre.capacity,
        days: days.map((day) => ({
          date: longDate(request, day.date),
          present: day.present,
          free: Math.max(0, centre.capacity - day.present),
          arrivals: day.arrivals,
          releases: day.releases,
          over: day.present > centre.capacity,
        })),
      })),
      done: ["placed", "released", "removed"].includes(done) ? t(`detention.done.${done}`) : null,
    });
}
