import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../../../../platform/errors/index.js";
import { dateTimeFormat } from "../../../../platform/locale/index.js";
import { requestOrigin } from "../../../access/index.js";
import { reviewParkedCases } from "../../parked/review-parked-cases.js";
import type { StatisticsModule } from "../statistics-module.js";

/** Longer than any case number: a longer search is cut, never refused. */
const maxSearchLength = 40;

function count(value: unknown): number | null {
  return typeof value === "string" && /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/** The outcome of a retry, carried in the address after the redirect (numbers only, else ignored). */
function retryOutcome(query: Record<string, unknown>) {
  const retried = count(query.retried);
  const counted = count(query.counted);
  const remaining = count(query.remaining);
  if (retried === null || counted === null || remaining === null) return null;
  return { retried, counted, remaining };
}

/** GET /statistics/parked: the cases the statistics set aside, with their errors, for an administrator. */
export async function showParkedCasesPage(
  statistics: StatisticsModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (!request.principal) throw new ForbiddenError();
  const query = (request.query ?? {}) as Record<string, unknown>;
  const search = typeof query.number === "string" ? query.number.trim().slice(0, maxSearchLength) : "";
  const { cases, more } = await reviewParkedCases(
    { db: statistics.db, principal: request.principal, ...requestOrigin(request) },
    { numberContains: search },
  );
  const dates = dateTimeFormat(request.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  return reply.render("statistics/web/parked/parked.njk", {
    title: request.t("statistics.parked.title"),
    search,
    more,
    outcome: retryOutcome(query),
    cases: cases.map((parked) => ({
      ...parked,
      label: parked.caseNumber ?? parked.caseId,
      parkedSince: `${dates.format(new Date(parked.parkedAt))} UTC`,
    })),
  });
}
