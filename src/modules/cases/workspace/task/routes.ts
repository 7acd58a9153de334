import type { FastifyInstance } from "fastify";
import { staffPageWithIds } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { type TaskParams, taskParams } from "./form.js";
import { completeTaskFromForm, showTask } from "./handler.js";

/** A routed task: what it shares of the case, and the form that records its result. */
export async function registerTaskPage(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const options = staffPageWithIds(workspace.cases.guards.requireSignedIn, {
    schema: taskParams,
    notFoundCode: "task_not_found",
  });
  app.get<TaskParams>("/tasks/:taskId", options, (request, reply) => showTask(workspace, request, reply));
  app.post<TaskParams>("/tasks/:taskId", options, (request, reply) =>
    completeTaskFromForm(workspace, request, reply),
  );
}
