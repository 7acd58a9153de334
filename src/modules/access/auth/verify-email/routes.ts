import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { hidden, perAddressLimit } from "../auth-page-helpers.js";
import { registerEmailRequestPage } from "../email-request/routes.js";
import { resendVerification } from "../resend-verification.js";
import { verifyEmailFromLink } from "./handler.js";

/** /verify-email: the link that verifies the address, and sending that link again. */
export function registerVerifyEmailPages(app: FastifyInstance, access: AccessModule): void {
  app.get("/verify-email", { schema: hidden, config: perAddressLimit }, (request, reply) =>
    verifyEmailFromLink(access, request, reply),
  );
  registerEmailRequestPage(app, {
    path: "/verify-email/resend",
    template: "access/auth/verify-email/resend-verification.njk",
    titleKey: "auth.resendVerification.title",
    sentTitleKey: "auth.resendVerification.sentTitle",
    sentLeadKey: "auth.resendVerification.sentLead",
    act: (request, email) => resendVerification(authContextOf(access, request), email),
  });
}
