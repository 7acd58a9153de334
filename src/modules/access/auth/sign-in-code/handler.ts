import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { oneError, typed } from "../auth-page-helpers.js";
import { findAccountById } from "../auth-repository.js";
import { signInCodeForm } from "../form-schemas.js";
import { safeNextPath } from "../safe-redirect.js";
import { codeRefusal, nextQuery, signedIn } from "../sign-in-session.js";
import { verifySignInCode } from "../verify-sign-in-code.js";

const renderCode = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
  reply.render("access/auth/sign-in-code/sign-in-code.njk", {
    title: reply.request.t("auth.signInCode.title"),
    ...data,
  });

export async function showCodeForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const next = safeNextPath(typed(request.query, "next"));
  const pending = request.pendingMfa;
  if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
  const account = await findAccountById(access.db, pending.userId);
  if (!account?.mfaEnrolled) return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
  return renderCode(reply, { next });
}

/** The code from the authenticator app (or a recovery code) completes a staff sign-in. */
export async function checkCode(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const next = safeNextPath(typed(request.body, "next"));
  const pending = request.pendingMfa;
  if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
  const form = parseForm(signInCodeForm, request.body, request.t);
  if (!form.ok)
    return renderCode(reply.status(422), { errors: form.errors, errorsByField: form.byField, next });
  const result = await verifySignInCode(authContextOf(access, request), pending, form.data.code);
  if (result.outcome === "signed_in") {
    await signedIn(access, request, reply, result.session, pending.userId);
    return reply.redirect(next ?? "/staff", 303);
  }
  if (result.reason === "not_enrolled") return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
  const refusal = codeRefusal(request, result, "auth.errors.codeWrong");
  return renderCode(reply.status(refusal.status), { ...oneError("code", refusal.message), next });
}
