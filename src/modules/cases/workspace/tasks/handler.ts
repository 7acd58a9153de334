import type { FastifyReply, FastifyRequest } from "fastify";
import type { Locale } from "../../../../platform/http/index.js";
import { listTasks } from "../list-tasks.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import { tasksQueueAfter } from "./form.js";

export async function showTasks(workspace: Workspace, request: FastifyRequest, reply: FastifyReply) {
  const after = tasksQueueAfter(request.query);
  const context = staffContextOf(workspace, request);
  const result = await listTasks(workspace, context, after, request.locale as Locale);
  return reply.render("cases/workspace/tasks/tasks.njk", {
    title: request.t("workspace.tasks.title"),
    entries: result.entries,
    nextHref: result.next ? `/tasks?after=${encodeURIComponent(result.next)}` : null,
    firstHref: after ? "/tasks" : null,
    done: (request.query as { done?: unknown } | undefined)?.done === "completed",
  });
}
