import type { FastifyReply, FastifyRequest } from "fastify";
import { readableCaseTypesCondition } from "../../case-type-access.js";
import { listCaseQueue } from "../list-case-queue.js";
import { agencyOptions, queueSubNavigation } from "../queue-lists.js";
import { parseQueueQuery, type QueueQuery } from "../queue-query.js";
import { countOverdueByAgency } from "../queue-repository.js";
import { agencyScopeOf, staffContextOf, type Workspace } from "../workspace.js";
import { presentOverdueCases } from "./presenter.js";

export async function showOverdueCases(workspace: Workspace, request: FastifyRequest, reply: FastifyReply) {
  // Only the agency, the sort and the page apply here: the list is the overdue cases.
  const query: QueueQuery = {
    ...parseQueueQuery(request.query),
    q: "",
    type: "",
    state: "",
    assigned: "anyone",
    risk: "overdue",
  };
  const context = staffContextOf(workspace, request);
  const page = await listCaseQueue(workspace, context, query, request.locale);
  const allAgencies = agencyScopeOf(context.principal) === null;
  const today = workspace.cases.calendar.legalDate(context.clock.now());
  const readable = readableCaseTypesCondition(context.registry, context.principal);
  const byAgency = allAgencies ? await countOverdueByAgency(context.db, today, readable) : [];
  const agencies = allAgencies ? await agencyOptions(workspace, request, query.agency) : [];
  return reply.render("cases/workspace/overdue/overdue.njk", {
    title: request.t("workspace.overdue.title"),
    ...presentOverdueCases(query, page, byAgency, agencies),
    today,
    subNavigation: queueSubNavigation(request, "overdue"),
  });
}
