import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { oneError, typed, view } from "../auth-page-helpers.js";
import { confirmMfaEnrolment, startMfaEnrolment } from "../enrol-mfa.js";
import { signInCodeForm } from "../form-schemas.js";
import { safeNextPath } from "../safe-redirect.js";
import { codeRefusal, nextQuery, signedIn } from "../sign-in-session.js";

type Pending = { userId: string; sessionIdHash: string };

async function renderSetUp(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  pending: Pending,
  next: string | null,
  data: Record<string, unknown> = {},
) {
  const enrolment = await startMfaEnrolment(authContextOf(access, request), pending);
  if ("alreadyEnrolled" in enrolment) return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
  return reply.render("access/auth/set-up-code/set-up-code.njk", {
    title: request.t("auth.setUpCode.title"),
    qrCodeDataUrl: enrolment.qrCodeDataUrl,
    secretGroups: enrolment.secret.match(/.{1,4}/g) ?? [enrolment.secret],
    next,
    ...data,
  });
}

export async function showSetUp(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const next = safeNextPath(typed(request.query, "next"));
  const pending = request.pendingMfa;
  if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
  return renderSetUp(access, request, reply, pending, next);
}

/** The first code from the new authenticator app: enrolled, signed in, and the recovery codes shown once. */
export async function confirmSetUp(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const next = safeNextPath(typed(request.body, "next"));
  const pending = request.pendingMfa;
  if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
  const form = parseForm(signInCodeForm, request.body, request.t);
  if (!form.ok) {
    reply.status(422);
    return renderSetUp(access, request, reply, pending, next, {
      errors: form.errors,
      errorsByField: form.byField,
    });
  }
  const result = await confirmMfaEnrolment(authContextOf(access, request), pending, form.data.code);
  if (result.outcome === "enrolled") {
    await signedIn(access, request, reply, result.session, pending.userId);
    // Shown in this response only: the codes are not stored anywhere they could be shown again.
    return reply.render(view("recovery-codes"), {
      title: request.t("auth.recoveryCodes.title"),
      recoveryCodes: result.recoveryCodes,
      continueHref: next ?? "/staff",
      enrolled: true,
    });
  }
  if (result.reason === "already_enrolled") return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
  const refusal = codeRefusal(request, result, "auth.errors.setUpCodeWrong");
  reply.status(refusal.status);
  return renderSetUp(access, request, reply, pending, next, oneError("code", refusal.message));
}
