import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { registerEmailRequestPage } from "../email-request/routes.js";
import { requestPasswordReset } from "../request-password-reset.js";

/** /forgot-password: the link to choose a new password, by e-mail. */
export function registerForgotPasswordPage(app: FastifyInstance, access: AccessModule): void {
  registerEmailRequestPage(app, {
    path: "/forgot-password",
    template: "access/auth/forgot-password/forgot-password.njk",
    titleKey: "auth.forgotPassword.title",
    sentTitleKey: "auth.forgotPassword.sentTitle",
    sentLeadKey: "auth.forgotPassword.sentLead",
    act: (request, email) => requestPasswordReset(authContextOf(access, request), email),
  });
}
