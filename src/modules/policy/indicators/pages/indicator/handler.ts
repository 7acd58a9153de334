import type { FastifyReply } from "fastify";
import { addMonthsToMonth } from "../../../../statistics/index.js";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { maximumMonths, readIndicator } from "../../operations/read-indicator.js";
import { type CodeRequest, queryText } from "../page-support.js";
import { indicatorView } from "./presenter.js";

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months asked for, or the three years up to the last complete month; an unusable range is said at its field. */
function rangeOf(request: CodeRequest, today: Date) {
  const to = addMonthsToMonth(today.toISOString().slice(0, 7), -1);
  const defaults = { from: addMonthsToMonth(to, -35), to };
  const asked = { from: queryText(request, "from"), to: queryText(request, "to") };
  if (asked.from === "" && asked.to === "") return { range: defaults, asked: defaults, error: null };
  const usable =
    monthPattern.test(asked.from) &&
    monthPattern.test(asked.to) &&
    asked.from <= asked.to &&
    addMonthsToMonth(asked.from, maximumMonths - 1) >= asked.to;
  return usable
    ? { range: asked, asked, error: null }
    : { range: defaults, asked, error: "policyIndicators.errors.range" };
}

/** GET /policy/indicators/:code: the indicator over the months asked for, around the policy change chosen. */
export async function showIndicator(pages: IndicatorPages, request: CodeRequest, reply: FastifyReply) {
  const { range, asked, error } = rangeOf(request, pages.clock.now());
  const reading = await readIndicator(pages.contextFor(request), request.params.code, range);
  const chosen = Number(queryText(request, "change"));
  const changeIndex =
    Number.isInteger(chosen) &&
    chosen >= 0 &&
    chosen < reading.changes.length &&
    queryText(request, "change") !== ""
      ? chosen
      : reading.changes.length - 1;
  const errorText = error ? request.t(error) : null;
  return reply
    .header("cache-control", "private, no-store")
    .render("policy/indicators/pages/indicator/indicator.njk", {
      ...indicatorView(reading, request, changeIndex),
      asked,
      errors: errorText ? [{ field: "from", href: "#from", text: errorText }] : undefined,
      rangeError: errorText,
    });
}
