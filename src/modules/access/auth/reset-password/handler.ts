import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { sessionCookieOptions } from "../../request-context.js";
import { sessionCookie } from "../../sessions.js";
import { authContextOf } from "../auth-context.js";
import { oneError, typed } from "../auth-page-helpers.js";
import { resetPasswordForm } from "../form-schemas.js";
import { checkResetLink, resetPassword } from "../reset-password.js";

const renderUnusableLink = (reply: FastifyReply) =>
  reply.render("access/auth/reset-password/reset-link-unusable.njk", {
    title: reply.request.t("auth.resetPassword.unusableTitle"),
  });

const renderReset = (reply: FastifyReply, data: Record<string, unknown>) =>
  reply.render("access/auth/reset-password/reset-password.njk", {
    title: reply.request.t("auth.resetPassword.title"),
    ...data,
  });

export async function showResetForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const token = typed(request.query, "token");
  const link = await checkResetLink(authContextOf(access, request), token);
  if (!link.usable) return renderUnusableLink(reply);
  return renderReset(reply, { token, needsCode: link.needsCode });
}

type Refused = Exclude<Awaited<ReturnType<typeof resetPassword>>, { outcome: "reset" }>;

/** Why a new password was refused, at the field it concerns. */
function failureOf(request: FastifyRequest, result: Refused) {
  const t = request.t;
  if (result.reason === "password_problem") {
    return oneError("password", t(`access.errors.password_${result.problem}`));
  }
  if (result.reason === "locked") {
    return oneError("code", t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes }));
  }
  return oneError(
    "code",
    t(result.reason === "code_required" ? "auth.errors.codeRequired" : "auth.errors.codeWrong"),
  );
}

/** A new password (staff: with a current code); every session of the account ends. */
export async function chooseNewPassword(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const context = authContextOf(access, request);
  const token = typed(request.body, "token");
  const link = await checkResetLink(context, token);
  if (!link.usable) return renderUnusableLink(reply);
  const form = parseForm(resetPasswordForm, request.body, request.t);
  if (!form.ok) {
    return renderReset(reply.status(422), {
      token,
      needsCode: link.needsCode,
      errors: form.errors,
      errorsByField: form.byField,
    });
  }
  const result = await resetPassword(context, { token, password: form.data.password, code: form.data.code });
  if (result.outcome === "reset") {
    reply.clearCookie(sessionCookie, sessionCookieOptions(access.config));
    return reply.redirect("/sign-in?passwordReset=1", 303);
  }
  if (result.reason === "link_unusable") return renderUnusableLink(reply);
  return renderReset(reply.status(result.reason === "locked" ? 429 : 422), {
    token,
    needsCode: link.needsCode,
    ...failureOf(request, result),
  });
}
