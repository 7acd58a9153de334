import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { usersPage } from "../page-options.js";
import { createUserFromForm, showNewUserForm } from "./handler.js";

/** /admin/users/new: a staff account, invited by e-mail or given a first password. */
export function registerNewUserPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/users/new", usersPage(access), (request, reply) => showNewUserForm(access, request, reply));
  app.post("/admin/users/new", usersPage(access), (request, reply) =>
    createUserFromForm(access, request, reply),
  );
}
