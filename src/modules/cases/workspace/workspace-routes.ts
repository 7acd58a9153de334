import type { FastifyInstance } from "fastify";
import { registerCaseRoutes } from "./case-routes.js";
import { registerTaskRoutes } from "./task-routes.js";
import { registerVerifyRoutes } from "./verify-routes.js";
import type { Workspace } from "./workspace.js";

/** The officers' workspace (queues, case files, tasks) and the public document check. */
export async function registerWorkspaceRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  await registerCaseRoutes(app, workspace);
  await registerTaskRoutes(app, workspace);
  await registerVerifyRoutes(app, workspace);
}
