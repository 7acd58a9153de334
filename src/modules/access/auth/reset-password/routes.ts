import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { chooseNewPassword, showResetForm } from "./handler.js";

/** /reset-password: the e-mailed link, then the new password. */
export function registerResetPasswordPage(app: FastifyInstance, access: AccessModule): void {
  const options = { schema: hidden, config: perAddressLimit };
  app.get("/reset-password", options, (request, reply) => showResetForm(access, request, reply));
  app.post("/reset-password", options, (request, reply) => chooseNewPassword(access, request, reply));
}
