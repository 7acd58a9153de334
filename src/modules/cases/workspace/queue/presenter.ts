import type { FastifyRequest } from "fastify";
import { mayReadCaseType } from "../../case-type-access.js";
import { allVersions } from "../deadline-risk.js";
import type { QueuePage } from "../list-case-queue.js";
import { type QueueQuery, queueHref } from "../queue-query.js";
import type { Workspace } from "../workspace.js";

/** The queue page: its filters, the filters chosen (each with a link that removes it), sort and pages. */
export function presentQueue(
  workspace: Workspace,
  request: FastifyRequest,
  base: string,
  query: QueueQuery,
  page: QueuePage,
) {
  const options = typeAndStateOptions(workspace, request, query);
  return {
    ...options,
    query,
    page,
    tags: filterTags(request, base, query, options),
    clearHref: base,
    sortHref: queueHref(base, query, { sort: query.sort === "deadline" ? "-deadline" : "deadline" }),
    ariaSort: query.sort === "deadline" ? "ascending" : "descending",
    previousHref: page.previous ? queueHref(base, query, { before: page.previous }) : null,
    nextHref: page.next ? queueHref(base, query, { after: page.next }) : null,
  };
}

/** The procedures, and the open or waiting states of the chosen one (or of every procedure). */
function typeAndStateOptions(workspace: Workspace, request: FastifyRequest, query: QueueQuery) {
  const locale = request.locale;
  // Procedures the reader may not see at all (asylum without asylum.read) are not even offered.
  const current = workspace.cases.registry
    .current()
    .filter((definition) => mayReadCaseType(request.principal ?? null, definition));
  const states = new Map<string, string>();
  const chosenType = current.find((definition) => definition.code === query.type);
  for (const definition of chosenType ? [chosenType] : allVersions(workspace.cases.registry)) {
    for (const [name, state] of Object.entries(definition.states)) {
      const active = state.category === "open" || state.category === "waiting";
      if (active && !states.has(name)) states.set(name, state.label[locale]);
    }
  }
  return {
    typeItems: [
      { value: "", text: request.t("workspace.queue.filters.anyType") },
      ...current.map((definition) => ({
        value: definition.code,
        text: definition.name[locale],
        selected: definition.code === query.type,
      })),
    ],
    stateItems: [
      { value: "", text: request.t("workspace.queue.filters.activeStates") },
      ...[...states].map(([value, text]) => ({ value, text, selected: value === query.state })),
    ],
    typeName: chosenType?.name[locale] ?? null,
    stateName: states.get(query.state) ?? null,
  };
}

function filterTags(
  request: FastifyRequest,
  base: string,
  query: QueueQuery,
  names: { typeName: string | null; stateName: string | null },
) {
  const t = request.t;
  const tags: Array<{ heading: string; text: string; href: string }> = [];
  const tag = (heading: string, text: string, changes: Parameters<typeof queueHref>[2]) =>
    tags.push({ heading, text, href: queueHref(base, query, changes) });
  if (query.q) tag(t("workspace.queue.search.tag"), query.q, { q: "" });
  if (query.type && names.typeName) {
    tag(t("workspace.queue.filters.type"), names.typeName, { type: "", state: "" });
  }
  if (query.state && names.stateName) tag(t("workspace.queue.filters.state"), names.stateName, { state: "" });
  if (query.assigned !== "anyone") {
    tag(t("workspace.queue.filters.assigned"), t(`workspace.queue.assigned.${query.assigned}`), {
      assigned: "anyone",
    });
  }
  if (query.risk !== "any") {
    const text =
      query.risk === "due-soon"
        ? t("workspace.queue.risk.dueWithin", { days: query.days })
        : t(`workspace.queue.risk.${query.risk}`);
    tag(t("workspace.queue.filters.risk"), text, { risk: "any" });
  }
  return tags;
}
