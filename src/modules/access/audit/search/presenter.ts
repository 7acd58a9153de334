import type { FastifyRequest } from "fastify";
import { auditOutcomes } from "../audit-filters.js";
import { presentRecord } from "../audit-presenter.js";
import type { AgencyChoice } from "../audit-repository.js";
import { searchHref, subNavigation } from "../auditor-pages.js";
import type { searchAuditTrail } from "../search-audit-trail.js";

type SearchPage = Awaited<ReturnType<typeof searchAuditTrail>>;

/** The search form with what was typed, its agency and outcome choices, and the export link. */
export function searchFormView(
  request: FastifyRequest,
  values: Record<string, string>,
  agencies: AgencyChoice[],
) {
  const { t } = request;
  return {
    title: t("audit.search.title"),
    subNavigation: subNavigation(request, "search"),
    values,
    agencyItems: [
      { value: "", text: t("audit.search.anyAgency") },
      ...agencies.map((agency) => ({
        value: agency.id,
        text: agency.names[request.locale],
        selected: agency.id === values.agency,
      })),
    ],
    outcomeItems: [
      { value: "", text: t("audit.search.anyOutcome") },
      ...auditOutcomes.map((outcome) => ({
        value: outcome,
        text: t(`audit.outcomes.${outcome}`),
        selected: values.outcome === outcome,
      })),
    ],
    filtered: Object.keys(values).length > 0,
    exportHref: searchHref("/audit/export.csv", values),
  };
}

/** A page of results, with links to newer and older records and back to the newest. */
export function resultsView(
  request: FastifyRequest,
  values: Record<string, string>,
  agencies: AgencyChoice[],
  page: SearchPage,
  paged: boolean,
) {
  const { t, locale } = request;
  const first = page.records[0];
  const last = page.records.at(-1);
  return {
    rows: page.records.map((record) => presentRecord(record, t, locale, agencies)),
    pagination: {
      ...(page.hasNewer && first
        ? {
            previous: {
              href: searchHref("/audit", values, { after: String(first.id) }),
              text: t("audit.search.newer"),
            },
          }
        : {}),
      ...(page.hasOlder && last
        ? {
            next: {
              href: searchHref("/audit", values, { before: String(last.id) }),
              text: t("audit.search.older"),
            },
          }
        : {}),
    },
    newestHref: paged ? searchHref("/audit", values) : null,
  };
}
