import type { FastifyInstance } from "fastify";
import { registerPage, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { estimateModelAgain, showModel } from "./handler.js";

/** /people/model: the register's matching weights per field and level; administrators re-estimate them. */
export function registerModelPage(app: FastifyInstance, workspace: RegisterWorkspace): void {
  const options = registerPage(workspace.guards.requirePermission("people.model"));
  app.get(registerPaths.model, options, (request, reply) => showModel(workspace, request, reply));
  app.post(registerPaths.estimateModel, options, (request, reply) =>
    estimateModelAgain(workspace, request, reply),
  );
}
