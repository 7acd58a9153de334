import type { FastifyInstance } from "fastify";
import { staffPage } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { showQueue } from "./handler.js";

/** The case queue: filters, search by case number, name, document number or date of birth. */
export async function registerQueuePage(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const options = staffPage(workspace.cases.guards.requirePermission("cases.read"));
  app.get("/cases", options, (request, reply) => showQueue(workspace, request, reply));
}
