import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { currentSession, homeOf, oneError, typed } from "../auth-page-helpers.js";
import { signInForm } from "../form-schemas.js";
import { safeNextPath } from "../safe-redirect.js";
import { signIn } from "../sign-in.js";
import { nextQuery, signedIn, startSession } from "../sign-in-session.js";

const renderSignIn = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
  reply.render("access/auth/sign-in/sign-in.njk", {
    title: reply.request.t("auth.signIn.title"),
    values: {},
    ...data,
  });

export async function showSignIn(request: FastifyRequest, reply: FastifyReply) {
  const next = safeNextPath(typed(request.query, "next"));
  if (request.principal) return reply.redirect(next ?? homeOf(request.principal.kind), 303);
  return renderSignIn(reply, {
    next,
    passwordReset: typed(request.query, "passwordReset") === "1",
    unlocked: typed(request.query, "unlocked") === "1",
  });
}

/** The password: signed in, on to the second factor, or refused with the reason at the e-mail field. */
export async function checkPassword(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const t = request.t;
  const next = safeNextPath(typed(request.body, "next"));
  const values = { email: typed(request.body, "email") };
  const form = parseForm(signInForm, request.body, t);
  if (!form.ok) {
    return renderSignIn(reply.status(422), {
      errors: form.errors,
      errorsByField: form.byField,
      values,
      next,
    });
  }
  const result = await signIn(authContextOf(access, request), {
    email: form.data.email,
    password: form.data.password,
    previousSessionIdHash: currentSession(request)?.sessionIdHash,
  });
  switch (result.outcome) {
    case "signed_in":
      await signedIn(access, request, reply, result.session, result.userId);
      return reply.redirect(next ?? "/account", 303);
    case "second_factor_required":
      startSession(access, reply, result.session);
      return reply.redirect(
        `${result.enrolled ? "/sign-in/code" : "/sign-in/set-up-code"}${nextQuery(next)}`,
        303,
      );
    case "refused": {
      const message =
        result.reason === "locked"
          ? t("auth.errors.signInLocked", { minutes: result.retryAfterMinutes })
          : t(`auth.errors.signIn_${result.reason}`);
      return renderSignIn(reply.status(result.reason === "locked" ? 429 : 422), {
        ...oneError("email", message),
        values,
        next,
        unverified: result.reason === "unverified",
      });
    }
  }
}
