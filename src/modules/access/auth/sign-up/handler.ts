import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import { hitRateLimit, RateLimitedError } from "../../../../platform/rate-limits/index.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { homeOf, typed, view } from "../auth-page-helpers.js";
import { normaliseEmail } from "../auth-repository.js";
import { signUpForm } from "../form-schemas.js";
import { signUp } from "../sign-up.js";
import { signUpLimits } from "./sign-up-limits.js";

const renderSignUp = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
  reply.render("access/auth/sign-up/sign-up.njk", {
    title: reply.request.t("auth.signUp.title"),
    values: {},
    ...data,
  });

export async function showSignUp(request: FastifyRequest, reply: FastifyReply) {
  if (request.principal) return reply.redirect(homeOf(request.principal.kind), 303);
  return renderSignUp(reply);
}

/** A new public account, then the e-mail with the link that verifies the address. */
export async function createAccount(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
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
}

export async function showCheckEmail(request: FastifyRequest, reply: FastifyReply) {
  return reply.render(view("email-sent"), {
    title: request.t("auth.signUp.checkEmailTitle"),
    lead: request.t("auth.signUp.checkEmailLead"),
    showResendLink: true,
  });
}
