import type { FastifyInstance } from "fastify";
import { staffPage } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import type { RegisterTypeParams } from "./form.js";
import { registerCaseFromForm, showRegistrableTypes, showRegistrationForm } from "./handler.js";

/**
 * An officer registers a case of a staff-registered type (an asylum application at the border, a
 * return order): the types they may register, then the type's whole form on one page.
 */
export async function registerCaseRegistrationPages(
  app: FastifyInstance,
  workspace: Workspace,
): Promise<void> {
  const options = staffPage(workspace.cases.guards.requireSignedIn);
  app.get("/cases/register", options, (request, reply) => showRegistrableTypes(workspace, request, reply));
  app.get<RegisterTypeParams>("/cases/register/:typeCode", options, (request, reply) =>
    showRegistrationForm(workspace, request, reply),
  );
  app.post<RegisterTypeParams>("/cases/register/:typeCode", options, (request, reply) =>
    registerCaseFromForm(workspace, request, reply),
  );
}
