import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { rolesPage } from "../page-options.js";
import { createRoleFromForm, showNewRoleForm } from "./handler.js";

/** /admin/roles/new: a role for staff or for public accounts, with its permissions. */
export function registerNewRolePage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/roles/new", rolesPage(access), showNewRoleForm);
  app.post("/admin/roles/new", rolesPage(access), (request, reply) =>
    createRoleFromForm(access, request, reply),
  );
}
