import type { FastifyInstance } from "fastify";
import { type IdParams, registerPageWithId, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { showPerson } from "./handler.js";

/** /people/persons/:id: everything the register holds about a person, and their cases the viewer may read. */
export function registerPersonPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPageWithId(
    workspace.guards.requirePermission("people.register"),
    "person_not_found",
  );
  app.get<IdParams>(registerPaths.person(":id"), options, (request, reply) =>
    showPerson(workspace, request, reply),
  );
}
