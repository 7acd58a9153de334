import type { QueuePage } from "../list-case-queue.js";
import { type QueueQuery, queueHref } from "../queue-query.js";
import type { countOverdueByAgency } from "../queue-repository.js";

const base = "/cases/overdue";

/** The overdue cases with their counts by agency (each a link to that agency's), sort and pages. */
export function presentOverdueCases(
  query: QueueQuery,
  page: QueuePage,
  byAgency: Awaited<ReturnType<typeof countOverdueByAgency>>,
  agencies: Array<{ value: string; text: string }>,
) {
  const agencyName = (id: string) => agencies.find((agency) => agency.value === id)?.text;
  return {
    query,
    page,
    byAgency: byAgency.map((row) => ({
      ...row,
      name: agencyName(row.agencyId) ?? row.agencyId,
      href: queueHref(base, query, { agency: row.agencyId }),
    })),
    agencyName: query.agency ? (agencyName(query.agency) ?? null) : null,
    clearHref: base,
    sortHref: queueHref(base, query, { sort: query.sort === "deadline" ? "-deadline" : "deadline" }),
    ariaSort: query.sort === "deadline" ? "ascending" : "descending",
    previousHref: page.previous ? queueHref(base, query, { before: page.previous }) : null,
    nextHref: page.next ? queueHref(base, query, { after: page.next }) : null,
  };
}
