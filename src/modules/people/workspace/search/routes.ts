import type { FastifyInstance } from "fastify";
import { registerPage, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { searchPersons } from "./handler.js";

/** /people/search: persons by a name in any script, a birth date and a document number. */
export function registerPersonSearchPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPage(workspace.guards.requirePermission("people.register"));
  app.get(registerPaths.search, options, (request, reply) => searchPersons(workspace, request, reply));
}
