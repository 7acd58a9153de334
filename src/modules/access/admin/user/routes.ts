import type { FastifyInstance } from "fastify";
import { withIdParams } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { disableUser } from "../disable-user.js";
import { enableUser } from "../enable-user.js";
import { usersPage } from "../page-options.js";
import { resetUserMfa } from "../reset-user-mfa.js";
import { showUser, userAction } from "./handler.js";

/** /admin/users/:id: an account, and disabling, enabling or resetting its second factor. */
export function registerUserPage(app: FastifyInstance, access: AccessModule): void {
  const options = withIdParams(usersPage(access));
  app.get("/admin/users/:id", options, (request, reply) => showUser(access, request, reply));
  app.post("/admin/users/:id/disable", options, userAction(access, disableUser, "disabled"));
  app.post("/admin/users/:id/enable", options, userAction(access, enableUser, "enabled"));
  app.post("/admin/users/:id/reset-mfa", options, userAction(access, resetUserMfa, "mfaReset"));
}
