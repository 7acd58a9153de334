import type { FastifyInstance } from "fastify";
import { registerAdminRoutes } from "./admin/admin-routes.js";
import { registerApiKeyRoutes } from "./api-keys/api-key-routes.js";
import { registerAuditRoutes } from "./audit/audit-routes.js";
import { registerAuthRoutes } from "./auth/auth-routes.js";
import type { AccessModule } from "./module.js";

/** Pages and API of the access module; each feature keeps its routes in its own file. */
export async function registerAccessRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  void app;
  void access;
  await registerAuthRoutes(app, access);
  await registerAuditRoutes(app, access);
  await registerAdminRoutes(app, access);
  await registerApiKeyRoutes(app, access);
}
