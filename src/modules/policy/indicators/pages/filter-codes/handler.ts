import type { FastifyReply, FastifyRequest } from "fastify";
import { statisticsCodeLabel } from "../../../../statistics/index.js";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { readFilterChoices } from "../../operations/read-filter-choices.js";
import { queryText } from "../page-support.js";

/** The statistics tables' name of a column's codes, where they have one. */
const codeDimensions: Record<string, string> = {
  citizen: "citizen",
  caseType: "case_type",
  region: "region",
};

/** GET /policy/indicator-filter-codes?series=…: each column with its codes, named in the reader's language. */
export async function showFilterCodes(pages: IndicatorPages, request: FastifyRequest, reply: FastifyReply) {
  const { t, locale } = request;
  const columns = await readFilterChoices(pages.contextFor(request), queryText(request, "series"));
  return reply.header("cache-control", "private, no-store").send({
    any: t("policyIndicators.form.filterAny"),
    columns: columns.map(({ column, meaning, codes }) => ({
      column,
      label: t("policyIndicators.form.filterColumn", {
        name: t(`policyIndicators.filterDimensions.${meaning}`),
        column,
      }),
      codes: codes.map((code) => {
        const name = statisticsCodeLabel(codeDimensions[meaning] ?? "code", code, locale, t);
        return { code, label: name === code ? code : `${code} — ${name}` };
      }),
    })),
  });
}
