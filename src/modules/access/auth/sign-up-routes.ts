import type { FastifyInstance, FastifyReply } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { authContextOf } from "./auth-context.js";
import { hidden, homeOf, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { emailOnlyForm, signUpForm } from "./form-schemas.js";
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

  const renderResend = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("resend-verification"), {
      title: reply.request.t("auth.resendVerification.title"),
      values: {},
      ...data,
    });

  app.get("/verify-email/resend", { schema: hidden }, async (_request, reply) => renderResend(reply));

  app.post("/verify-email/resend", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(emailOnlyForm, request.body, request.t);
    if (!form.ok) {
      return renderResend(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: { email: typed(request.body, "email") },
      });
    }
    await resendVerification(authContextOf(access, request), form.data.email);
    return reply.redirect("/verify-email/resend/sent", 303);
  });

  app.get("/verify-email/resend/sent", { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t("auth.resendVerification.sentTitle"),
      lead: request.t("auth.resendVerification.sentLead"),
      showResendLink: false,
    }),
  );
}
