import type { FastifyReply, FastifyRequest } from "fastify";
import { requestedPage } from "../../../../platform/http/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { legalToday } from "../detention-context.js";
import { type FilterProblem, parseOccupancyPeriod, parseStayFilters } from "../detention-filters.js";
import { centreOccupancy } from "../operations/centre-occupancy.js";
import { detentionDashboard, type StayAtRisk } from "../operations/detention-dashboard.js";
import { centresFor } from "../operations/list-centres.js";
import { listStays } from "../operations/list-stays.js";
import { centreName, longDate, queryText } from "../page-helpers.js";
import {
  type DashboardValues,
  dashboardFields,
  pageErrors,
  presentOccupancy,
  presentRegister,
} from "./presenter.js";

/** Stays on one page of the register's list. */
const pageSize = 25;

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

/**
 * GET /detention: overdue stays first, then those ending soon, then the register's list with its
 * filters, then each centre's occupancy by day for the period chosen. A filter or period that is
 * not valid answers 400 with the page, the error at its field and the rest still shown.
 */
export async function showDashboard(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { t } = request;
  const context = services.enforcement.detention.contextFor(request);
  const values = Object.fromEntries(
    dashboardFields.map((field) => [field, queryText(request, field)]),
  ) as DashboardValues;
  const filters = parseStayFilters(values);
  const period = parseOccupancyPeriod(
    { from: values.occupancyFrom, to: values.occupancyTo },
    legalToday(context),
  );
  const [dashboard, centres, list, occupancy] = await Promise.all([
    detentionDashboard(context),
    centresFor(context),
    filters.ok
      ? listStays(context, filters.value, { page: requestedPage(request.query), limit: pageSize })
      : null,
    period.ok ? centreOccupancy(context, period.value) : null,
  ]);
  const problems: FilterProblem[] = [
    ...(filters.ok ? [] : filters.problems),
    ...(list?.unknownCentre ? [{ field: "centre", messageKey: "detention.errors.filterCentre" }] : []),
    ...(period.ok
      ? []
      : period.problems.map((one) => ({
          ...one,
          field: `occupancy${one.field === "from" ? "From" : "To"}`,
        }))),
  ];
  const { errors, byField } = pageErrors(request, problems);
  const done = queryText(request, "done");
  return reply
    .status(problems.length > 0 ? 400 : 200)
    .header("cache-control", "private, no-store")
    .render("enforcement/detention/dashboard/dashboard.njk", {
      title: t("detention.dashboard.title"),
      today: longDate(request, dashboard.today),
      overdue: dashboard.overdue.map((stay) => stayRow(request, stay)),
      expiring: dashboard.expiring.map((stay) => stayRow(request, stay)),
      values,
      errors,
      errorsByField: byField,
      register: presentRegister(request, values, centres, list?.unknownCentre ? null : list),
      occupancy: presentOccupancy(request, occupancy),
      done: ["placed", "released", "removed"].includes(done) ? t(`detention.done.${done}`) : null,
    });
}
