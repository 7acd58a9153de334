import type { FastifyInstance, FastifyReply } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import { hitRateLimit, type RateLimit, RateLimitedError } from "../../../platform/rate-limits/index.js";
import type { AccessModule } from "../module.js";
import { authContextOf } from "./auth-context.js";
import { hidden, homeOf, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { normaliseEmail } from "./auth-repository.js";
import { registerEmailRequestPage } from "./email-request-routes.js";
import { signUpForm } from "./form-schemas.js";
import { resendVerification } from "./resend-verification.js";
import { signUp } from "./sign-up.js";
import { verifyEmail } from "./verify-email.js";

/**
 * Every sign-up sends an e-mail to the address given: a few an hour to one address, so that nobody
 * can flood someone's mailbox through this form, and a ceiling per network address, counted in the
 * database so that every instance counts together (the route's own per-minute limit stays).
 */
export const signUpLimits = {
  perEmail: {
    name: "sign-up-email",
    max: 3,
    windowSeconds: 60 * 60,
    code: "too_many_sign_ups",
    messageKey: "auth.errors.signUpTooManyForEmail",
  },
  perAddress: {
    name: "sign-up-address",
    max: 20,
    windowSeconds: 60 * 60,
    code: "too_many_sign_ups",
    messageKey: "auth.errors.signUpTooManyFromAddress",
  },
} as const satisfies Record<string, RateLimit>;

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
    try {
      await hitRateLimit(access.db, access.clock, signUpLimits.perEmail, normaliseEmail(form.data.email));
      await hitRateLimit(access.db, access.clock, signUpLimits.perAddress, request.ip);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      reply.header("retry-after", String(error.retryAfterSeconds));
      const text = request.t(error.messageKey, error.messageValues);
      return renderSignUp(reply.status(429), {
        errors: [{ field: "email", href: "#email", text }],
        errorsByField: { email: text },
        values: {
          fullName: form.data.fullName,
          email: form.data.email,
          hostOrEmployer: form.data.hostOrEmployer,
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
