import type { FastifyInstance } from "fastify";
import { registerPage, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { showDuplicateReviews } from "./handler.js";

/** The pairs of registered persons batch deduplication left to an officer, searchable by name. */
export function registerDuplicateReviewsPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPage(workspace.guards.requirePermission("people.register"));
  app.get(registerPaths.duplicates, options, (request, reply) =>
    showDuplicateReviews(workspace, request, reply),
  );
}
