import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { sessionCookieOptions } from "../request-context.js";
import { type NewSession, sessionCookie } from "../sessions.js";
import { authContextOf } from "./auth-context.js";
import {
  currentSession,
  hidden,
  homeOf,
  oneError,
  perAddressLimit,
  typed,
  view,
} from "./auth-page-helpers.js";
import { findAccountById } from "./auth-repository.js";
import { confirmMfaEnrolment, startMfaEnrolment } from "./enrol-mfa.js";
import { signInCodeForm, signInForm } from "./form-schemas.js";
import { rememberDevice } from "./known-device.js";
import { safeNextPath } from "./safe-redirect.js";
import { signIn } from "./sign-in.js";
import { verifySignInCode } from "./verify-sign-in-code.js";

function nextQuery(next: string | null): string {
  return next ? `?next=${encodeURIComponent(next)}` : "";
}

/** Sign-in: the password, then for staff the code from the authenticator app, set up on first use. */
export function registerSignInRoutes(app: FastifyInstance, access: AccessModule): void {
  function startSession(reply: FastifyReply, session: NewSession): void {
    reply.setCookie(sessionCookie, session.token, sessionCookieOptions(access.config));
  }

  /** A full sign-in: the session, and this browser becomes a known device of the account. */
  function signedIn(request: FastifyRequest, reply: FastifyReply, session: NewSession, userId: string): void {
    startSession(reply, session);
    rememberDevice(request, reply, access, userId);
  }

  const renderSignIn = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-in"), { title: reply.request.t("auth.signIn.title"), values: {}, ...data });

  app.get("/sign-in", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    if (request.principal) return reply.redirect(next ?? homeOf(request.principal.kind), 303);
    return renderSignIn(reply, {
      next,
      passwordReset: typed(request.query, "passwordReset") === "1",
      unlocked: typed(request.query, "unlocked") === "1",
    });
  });

  app.post("/sign-in", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
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
        signedIn(request, reply, result.session, result.userId);
        return reply.redirect(next ?? "/account", 303);
      case "second_factor_required":
        startSession(reply, result.session);
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
  });

  const renderCode = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-in-code"), { title: reply.request.t("auth.signInCode.title"), ...data });

  app.get("/sign-in/code", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const account = await findAccountById(access.db, pending.userId);
    if (!account?.mfaEnrolled) return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
    return renderCode(reply, { next });
  });

  app.post("/sign-in/code", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const next = safeNextPath(typed(request.body, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const form = parseForm(signInCodeForm, request.body, t);
    if (!form.ok)
      return renderCode(reply.status(422), { errors: form.errors, errorsByField: form.byField, next });
    const result = await verifySignInCode(authContextOf(access, request), pending, form.data.code);
    if (result.outcome === "signed_in") {
      signedIn(request, reply, result.session, pending.userId);
      return reply.redirect(next ?? "/staff", 303);
    }
    if (result.reason === "not_enrolled")
      return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
    const message =
      result.reason === "locked"
        ? t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes })
        : t("auth.errors.codeWrong");
    return renderCode(reply.status(result.reason === "locked" ? 429 : 422), {
      ...oneError("code", message),
      next,
    });
  });

  async function renderSetUp(
    request: FastifyRequest,
    reply: FastifyReply,
    pending: { userId: string; sessionIdHash: string },
    next: string | null,
    data: Record<string, unknown> = {},
  ) {
    const enrolment = await startMfaEnrolment(authContextOf(access, request), pending);
    if ("alreadyEnrolled" in enrolment) return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
    return reply.render(view("set-up-code"), {
      title: request.t("auth.setUpCode.title"),
      qrCodeDataUrl: enrolment.qrCodeDataUrl,
      secretGroups: enrolment.secret.match(/.{1,4}/g) ?? [enrolment.secret],
      next,
      ...data,
    });
  }

  app.get("/sign-in/set-up-code", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    return renderSetUp(request, reply, pending, next);
  });

  app.post("/sign-in/set-up-code", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const next = safeNextPath(typed(request.body, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const form = parseForm(signInCodeForm, request.body, t);
    if (!form.ok) {
      reply.status(422);
      return renderSetUp(request, reply, pending, next, { errors: form.errors, errorsByField: form.byField });
    }
    const result = await confirmMfaEnrolment(authContextOf(access, request), pending, form.data.code);
    if (result.outcome === "enrolled") {
      signedIn(request, reply, result.session, pending.userId);
      // Shown in this response only: the codes are not stored anywhere they could be shown again.
      return reply.render(view("recovery-codes"), {
        title: t("auth.recoveryCodes.title"),
        recoveryCodes: result.recoveryCodes,
        continueHref: next ?? "/staff",
        enrolled: true,
      });
    }
    if (result.reason === "already_enrolled") return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
    const message =
      result.reason === "locked"
        ? t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes })
        : t("auth.errors.setUpCodeWrong");
    reply.status(result.reason === "locked" ? 429 : 422);
    return renderSetUp(request, reply, pending, next, oneError("code", message));
  });
}
