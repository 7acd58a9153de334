import type { FastifyInstance } from "fastify";
import { registerPage, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { showReviewQueue } from "./handler.js";

/** The matches the register could not decide, oldest first, searchable by name, document or birth date. */
export function registerReviewQueuePage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPage(workspace.guards.requirePermission("people.register"));
  app.get(registerPaths.reviewQueue, options, (request, reply) => showReviewQueue(workspace, request, reply));
}
