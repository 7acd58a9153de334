import type { FastifyInstance } from "fastify";
import { staffPage } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { showOverdueCases } from "./handler.js";

/** The cases past their legal deadline, counted by agency for those who see every agency. */
export async function registerOverduePage(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const options = staffPage(workspace.cases.guards.requirePermission("cases.read"));
  app.get("/cases/overdue", options, (request, reply) => showOverdueCases(workspace, request, reply));
}
