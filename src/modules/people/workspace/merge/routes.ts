import type { FastifyInstance } from "fastify";
import { type IdParams, registerPageWithId, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { mergeIntoPerson, showMergeForm } from "./merge-handler.js";
import { undoPersonMerge } from "./undo-handler.js";

/**
 * Merging another record into a person (pick the other record, give the reason, confirm) and
 * undoing a merge from the person's merge history (confirm).
 */
export function registerMergePages(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const guard = workspace.guards.requirePermission("people.register");
  const person = registerPageWithId(guard, "person_not_found");
  app.get<IdParams>(registerPaths.merge(":id"), person, (request, reply) =>
    showMergeForm(workspace, request, reply),
  );
  app.post<IdParams>(registerPaths.merge(":id"), person, (request, reply) =>
    mergeIntoPerson(workspace, request, reply),
  );
  const merge = registerPageWithId(guard, "merge_not_found");
  app.post<IdParams>(registerPaths.undoMerge(":id"), merge, (request, reply) =>
    undoPersonMerge(workspace, request, reply),
  );
}
