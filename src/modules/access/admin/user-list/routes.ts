import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { usersPage } from "../page-options.js";
import { showUserList } from "./handler.js";

/** /admin/users: find accounts by name, e-mail, kind, agency, role and status. */
export function registerUserListPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/users", usersPage(access), (request, reply) => showUserList(access, request, reply));
}
