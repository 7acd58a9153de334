import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerAdminAgencyRoutes } from "./admin-agency-routes.js";
import { registerAdminRoleRoutes } from "./admin-role-routes.js";
import { registerAdminUserRoutes } from "./admin-user-routes.js";

/** The administration pages: staff accounts, roles and agencies, each guarded by its own permission. */
export async function registerAdminRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerAdminUserRoutes(app, access);
  registerAdminRoleRoutes(app, access);
  registerAdminAgencyRoutes(app, access);
}
