import type { FastifyInstance } from "fastify";
import { registerCaseActions } from "./case-actions/routes.js";
import { registerCaseDocumentRoutes } from "./case-document/routes.js";
import { registerCaseFilePages } from "./case-file/routes.js";
import { registerOverduePage } from "./overdue/routes.js";
import { registerQueuePage } from "./queue/routes.js";
import { registerCaseRegistrationPages } from "./register-case/routes.js";
import { registerTaskPage } from "./task/routes.js";
import { registerTasksPage } from "./tasks/routes.js";
import { registerVerifyPages } from "./verify/routes.js";
import type { Workspace } from "./workspace.js";

/** The officers' workspace (queues, case files, tasks) and the public document check. */
export async function registerWorkspaceRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  await registerQueuePage(app, workspace);
  // Before the case file's `/cases/:id`, as the static path reads better first (Fastify prefers it anyway).
  await registerOverduePage(app, workspace);
  await registerCaseRegistrationPages(app, workspace);
  await registerCaseFilePages(app, workspace);
  await registerCaseDocumentRoutes(app, workspace);
  await registerCaseActions(app, workspace);
  await registerTasksPage(app, workspace);
  await registerTaskPage(app, workspace);
  await registerVerifyPages(app, workspace);
}
