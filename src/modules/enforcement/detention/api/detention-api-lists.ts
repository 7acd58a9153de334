import type { FastifyReply, FastifyRequest } from "fastify";
import { writeCsv } from "../../../../platform/csv/index.js";
import { attachmentDisposition } from "../../../../platform/files/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { legalToday } from "../detention-context.js";
import {
  FilterError,
  type FilterProblem,
  type Parsed,
  parseOccupancyPeriod,
  parsePaging,
  parseStayFilters,
} from "../detention-filters.js";
import { type CentreOccupancy, centreOccupancy } from "../operations/centre-occupancy.js";
import { listStays } from "../operations/list-stays.js";
import { placementView } from "./detention-api-handlers.js";

/** Stays on one answer when the caller names no `limit`. */
const defaultLimit = 50;

/** A refusal naming each field, in the caller's language. */
function refusal(
  request: FastifyRequest,
  code: "detention_filter_invalid" | "detention_period_invalid",
  problems: FilterProblem[],
): FilterError {
  return new FilterError(
    code,
    problems.map((problem) => ({ ...problem, message: request.t(problem.messageKey) })),
  );
}

const problemsOf = (parsed: Parsed<unknown>) => (parsed.ok ? [] : parsed.problems);

/** The register: every stay the officer may see, filtered, one page at a time (audited). */
export async function listStaysFromApi(services: EnforcementServices, request: FastifyRequest) {
  const filters = parseStayFilters(request.query);
  const paging = parsePaging(request.query, defaultLimit);
  if (!filters.ok || !paging.ok) {
    throw refusal(request, "detention_filter_invalid", [...problemsOf(filters), ...problemsOf(paging)]);
  }
  const list = await listStays(
    services.enforcement.detention.contextFor(request),
    filters.value,
    paging.value,
  );
  if (list.unknownCentre) {
    throw refusal(request, "detention_filter_invalid", [
      { field: "centre", messageKey: "detention.errors.filterCentre" },
    ]);
  }
  return {
    today: list.today,
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    limit: list.limit,
    placements: list.stays.map((stay) => ({
      placement: placementView(stay.placement),
      person: stay.person,
      centreCode: stay.centre?.code ?? null,
      standing: stay.standing,
      noticeDate: stay.noticeDate,
      nextLegalDate: stay.nextLegalDate,
      daysOver: stay.daysOver,
    })),
  };
}

async function occupancyFor(
  services: EnforcementServices,
  request: FastifyRequest,
): Promise<CentreOccupancy> {
  const context = services.enforcement.detention.contextFor(request);
  const period = parseOccupancyPeriod(request.query as { from?: unknown; to?: unknown }, legalToday(context));
  if (!period.ok) throw refusal(request, "detention_period_invalid", period.problems);
  return centreOccupancy(context, period.value);
}

/** The centres with their occupancy on each day of the period asked for (the last 7 days by default). */
export async function centresWithOccupancy(services: EnforcementServices, request: FastifyRequest) {
  const occupancy = await occupancyFor(services, request);
  return {
    from: occupancy.period.from,
    to: occupancy.period.to,
    centres: occupancy.centres.map(({ centre, days }) => ({
      id: centre.id,
      code: centre.code,
      names: centre.names,
      region: centre.region,
      capacity: centre.capacity,
      days,
    })),
  };
}

/** The same figures as a CSV file, one line per centre and day, headed in the caller's language. */
export async function occupancyCsv(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { period, centres } = await occupancyFor(services, request);
  const { t } = request;
  const header = [
    t("detention.centres.code"),
    t("detention.centres.name"),
    t("detention.dashboard.day"),
    t("detention.centres.capacity"),
    t("detention.dashboard.present"),
    t("detention.dashboard.free"),
    t("detention.dashboard.arrivals"),
    t("detention.dashboard.releases"),
  ];
  const lines = centres.flatMap(({ centre, days }) =>
    days.map((day) => [
      centre.code,
      centre.names[request.locale],
      day.date,
      centre.capacity,
      day.present,
      Math.max(0, centre.capacity - day.present),
      day.arrivals,
      day.releases,
    ]),
  );
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header(
      "content-disposition",
      attachmentDisposition(`detention-occupancy_${period.from}_${period.to}.csv`),
    )
    .header("cache-control", "private, no-store")
    .send(writeCsv([header, ...lines], { byteOrderMark: true }));
}
