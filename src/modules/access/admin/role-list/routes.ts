import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { rolesPage } from "../page-options.js";
import { showRoleList } from "./handler.js";

/** /admin/roles: which role holds which permission. */
export function registerRoleListPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/roles", rolesPage(access), (request, reply) => showRoleList(access, request, reply));
}
