import type { FastifyReply, FastifyRequest } from "fastify";
import { registrableCaseTypes } from "../../case-type-access.js";
import { listCaseQueue } from "../list-case-queue.js";
import { agencyOptions, queueSubNavigation } from "../queue-lists.js";
import { parseQueueQuery } from "../queue-query.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import { presentQueue } from "./presenter.js";

export async function showQueue(workspace: Workspace, request: FastifyRequest, reply: FastifyReply) {
  const query = parseQueueQuery(request.query);
  const context = staffContextOf(workspace, request);
  const page = await listCaseQueue(workspace, context, query, request.locale);
  return reply.render("cases/workspace/queue/queue.njk", {
    title: request.t("workspace.queue.title"),
    ...presentQueue(workspace, request, "/cases", query, page),
    agencyItems: page.allAgencies ? await agencyOptions(workspace, request, query.agency) : null,
    subNavigation: queueSubNavigation(request, "queue"),
    registerHref:
      registrableCaseTypes(workspace.cases.registry, request.principal ?? null).length > 0
        ? "/cases/register"
        : null,
  });
}
