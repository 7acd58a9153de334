import type { FastifyRequest } from "fastify";
import { paginate } from "../../../../platform/http/index.js";
import type { FilterProblem } from "../detention-filters.js";
import type { Centre } from "../detention-records.js";
import type { CentreOccupancy } from "../operations/centre-occupancy.js";
import type { StayList } from "../operations/list-stays.js";
import { centreName, longDate } from "../page-helpers.js";

/** The dashboard's query: the register's filters and page, and the occupancy's period (named apart). */
export const dashboardFields = [
  "q",
  "centre",
  "status",
  "overdue",
  "from",
  "to",
  "occupancyFrom",
  "occupancyTo",
] as const;
export type DashboardValues = Record<(typeof dashboardFields)[number], string>;

/** The dashboard's address with these values, the empty ones left out; `page` only past the first. */
export function dashboardHref(values: DashboardValues, page = 1): string {
  const query = new URLSearchParams();
  for (const field of dashboardFields) if (values[field]) query.set(field, values[field]);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/detention?${text}` : "/detention";
}

/** Errors for the summary at the top and at each field, the field named as the page's form names it. */
export function pageErrors(request: FastifyRequest, problems: FilterProblem[]) {
  const errors = problems.map((problem) => ({
    field: problem.field,
    href: `#${problem.field}`,
    text: request.t(problem.messageKey),
  }));
  return { errors, byField: Object.fromEntries(errors.map((error) => [error.field, error.text])) };
}

function standingText(request: FastifyRequest, stay: StayList["stays"][number]) {
  const { t } = request;
  if (stay.standing === "ended") {
    return {
      text: t(`detention.status.${stay.placement.status}`),
      detail: t("detention.register.endedOn", { date: longDate(request, stay.placement.endedOn) }),
      tag: "govuk-tag--grey",
    };
  }
  const overdue = stay.standing === "overdue";
  return {
    text: t(`detention.standing.${stay.standing}`),
    detail: overdue ? t("detention.dashboard.daysOver", { count: stay.daysOver }) : "",
    tag: overdue ? "govuk-tag--red" : stay.standing === "in_time" ? "govuk-tag--green" : "govuk-tag--orange",
  };
}

/** The register's section: the filter form's choices, the rows of this page and the page links. */
export function presentRegister(
  request: FastifyRequest,
  values: DashboardValues,
  centres: Centre[],
  list: StayList | null,
) {
  const { t } = request;
  const pages =
    list &&
    // The list is paged by the database; paginate is given as many places as there are stays, for its links.
    paginate(Array.from({ length: list.total }), {
      page: list.page,
      pageSize: list.limit,
      hrefOf: (page) => dashboardHref(values, page),
      t,
      landmarkLabel: t("detention.register.pages"),
    });
  return {
    centreItems: [
      { value: "", text: t("detention.register.anyCentre") },
      ...centres.map((centre) => ({
        value: centre.code,
        text: `${centreName(request, centre)} (${centre.code})`,
        selected: values.centre.toUpperCase() === centre.code || values.centre === centre.id,
      })),
    ],
    statusItems: [
      { value: "", text: t("detention.register.anyStatus") },
      ...(["placed", "released", "removed"] as const).map((status) => ({
        value: status,
        text: t(`detention.status.${status}`),
        selected: values.status === status,
      })),
    ],
    overdueChecked: ["true", "1", "on"].includes(values.overdue),
    list: list && {
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      pagination: pages?.pagination ?? null,
      rows: list.stays.map((stay) => ({
        id: stay.placement.id,
        person: stay.person?.name ?? t("detention.person.unknown"),
        centre: centreName(request, stay.centre),
        startDate: longDate(request, stay.placement.startDate),
        permittedUntil: longDate(request, stay.placement.permittedUntil),
        nextLegalDate: longDate(request, stay.nextLegalDate),
        standing: standingText(request, stay),
      })),
    },
  };
}

/** The occupancy's section: each centre's days, and the CSV of the same period. */
export function presentOccupancy(request: FastifyRequest, occupancy: CentreOccupancy | null) {
  if (!occupancy) return null;
  const { from, to } = occupancy.period;
  const period = { from: longDate(request, from), to: longDate(request, to) };
  return {
    period: request.t("detention.occupancy.period", period),
    csvHref: `/api/v1/detention/centres/occupancy.csv?${new URLSearchParams({ from, to })}`,
    csvText: request.t("detention.occupancy.csv", period),
    centres: occupancy.centres.map(({ centre, days }) => ({
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
  };
}
