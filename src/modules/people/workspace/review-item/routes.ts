import type { FastifyInstance } from "fastify";
import { type IdParams, registerPageWithId, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { decideReviewItem, showReviewItem } from "./handler.js";

/** /people/review/:id: the occurrence beside each candidate; the officer links it or registers a new person. */
export function registerReviewItemPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPageWithId(
    workspace.guards.requirePermission("people.register"),
    "review_not_found",
  );
  const path = registerPaths.reviewItem(":id");
  app.get<IdParams>(path, options, (request, reply) => showReviewItem(workspace, request, reply));
  app.post<IdParams>(path, options, (request, reply) => decideReviewItem(workspace, request, reply));
}
