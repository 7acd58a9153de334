import type { FastifyInstance } from "fastify";
import { type IdParams, registerPageWithId, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { decideDuplicatePair, showDuplicatePair } from "./handler.js";

/** /people/duplicates/:id: two registered persons side by side; the officer merges them or keeps them apart. */
export function registerDuplicatePairPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPageWithId(
    workspace.guards.requirePermission("people.register"),
    "review_not_found",
  );
  const path = registerPaths.duplicate(":id");
  app.get<IdParams>(path, options, (request, reply) => showDuplicatePair(workspace, request, reply));
  app.post<IdParams>(path, options, (request, reply) => decideDuplicatePair(workspace, request, reply));
}
