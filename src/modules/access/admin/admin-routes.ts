import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerAgencyPage } from "./agency/routes.js";
import { registerAgencyListPage } from "./agency-list/routes.js";
import { registerNewRolePage } from "./new-role/routes.js";
import { registerNewUserPage } from "./new-user/routes.js";
import { registerRolePage } from "./role/routes.js";
import { registerRoleListPage } from "./role-list/routes.js";
import { registerUserPage } from "./user/routes.js";
import { registerUserAccessPage } from "./user-access/routes.js";
import { registerUserListPage } from "./user-list/routes.js";

/** The administration pages: staff accounts, roles and agencies, each guarded by its own permission. */
export async function registerAdminRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerUserListPage(app, access);
  registerNewUserPage(app, access);
  registerUserPage(app, access);
  registerUserAccessPage(app, access);
  registerRoleListPage(app, access);
  registerNewRolePage(app, access);
  registerRolePage(app, access);
  registerAgencyListPage(app, access);
  registerAgencyPage(app, access);
}
