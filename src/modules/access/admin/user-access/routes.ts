import type { FastifyInstance } from "fastify";
import { withIdParams } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { usersPage } from "../page-options.js";
import { changeUserAccess, showUserAccess } from "./handler.js";

/** /admin/users/:id/access: an account's roles and agency. */
export function registerUserAccessPage(app: FastifyInstance, access: AccessModule): void {
  const options = withIdParams(usersPage(access));
  app.get("/admin/users/:id/access", options, (request, reply) => showUserAccess(access, request, reply));
  app.post("/admin/users/:id/access", options, (request, reply) => changeUserAccess(access, request, reply));
}
