import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { rolesPage } from "../page-options.js";
import { changeRolePermissions, removeRole, showRole } from "./handler.js";

/** /admin/roles/:code: a role's permissions, and deleting a role nobody holds. */
export function registerRolePage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/roles/:code", rolesPage(access), (request, reply) => showRole(access, request, reply));
  app.post("/admin/roles/:code", rolesPage(access), (request, reply) =>
    changeRolePermissions(access, request, reply),
  );
  app.post("/admin/roles/:code/delete", rolesPage(access), (request, reply) =>
    removeRole(access, request, reply),
  );
}
