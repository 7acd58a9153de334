import type { FastifyInstance } from "fastify";
import { staffPage } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { showTasks } from "./handler.js";

/** The tasks queue of agencies that receive routed work (labour-market opinions...). */
export async function registerTasksPage(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const options = staffPage(workspace.cases.guards.requireSignedIn);
  app.get("/tasks", options, (request, reply) => showTasks(workspace, request, reply));
}
