import type { FastifyInstance, FastifyReply } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { authContextOf } from "./auth-context.js";
import { hidden, homeOf, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { registerEmailRequestPage } from "./email-request-routes.js";
import { signUpForm } from "./form-schemas.js";
import { resendVerification } from "./resend-verification.js";
import { signUp } from "./sign-up.js";
import { verifyEmail } from "./verify-email.js";

/** Sign-up, the link that verifies the e-mail address, and sending that link again. */
export function registerSignUpRoutes(app: FastifyInstance, access: AccessModule): void {
  const renderSignUp = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-up"), { title: reply.request.t("auth.signUp.title"), values: {}, ...data });

  app.get("/sign-up", { schema: hidden }, async (request, reply) => {
    if (request.principal) return reply.redirect(homeOf(request.principal.kind), 303);
    return renderSignUp(reply);
  });

  app.post("/sign-up", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(signUpForm, request.body, request.t);
    if (!form.ok) {
      return renderSignUp(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: {
          fullName: typed(request.body, "fullName"),
          email: typed(request.body, "email"),
          hostOrEmployer: typed(request.body, "hostOrEmployer") === "yes",
        },
      });
    }
    await signUp(authContextOf(access, request), form.data);
    return reply.redirect("/sign-up/check-email", 303);
  });

  app.get("/sign-up/check-email", { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t("auth.signUp.checkEmailTitle"),
      lead: request.t("auth.signUp.checkEmailLead"),
      showResendLink: true,
    }),
  );

  app.get("/verify-email", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const token = typed(request.query, "token");
    const { verified } = await verifyEmail(authContextOf(access, request), token);
    return reply.render(view("verify-email"), {
      title: request.t(verified ? "auth.verifyEmail.verifiedTitle" : "auth.verifyEmail.unusableTitle"),
      verified,
    });
  });

  registerEmailRequestPage(app, {
    path: "/verify-email/resend",
    template: "resend-verification",
    titleKey: "auth.resendVerification.title",
    sentTitleKey: "auth.resendVerification.sentTitle",
    sentLeadKey: "auth.resendVerification.sentLead",
    act: (request, email) => resendVerification(authContextOf(access, request), email),
  });
}
